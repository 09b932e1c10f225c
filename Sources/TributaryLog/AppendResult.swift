/// The result of one append: the batch got the consecutive offsets `firstOffset ..< firstOffset + count`,
/// all stamped with the same `timestampMs`.
///
/// It exists so a service can turn each record's position into a sequence number without reading it back.
public struct AppendResult: Sendable, Equatable {
    public let firstOffset: UInt64
    public let count: Int
    public let timestampMs: Int64

    public init(firstOffset: UInt64, count: Int, timestampMs: Int64) {
        self.firstOffset = firstOffset
        self.count = count
        self.timestampMs = timestampMs
    }
}
