/// A stored record as read back from a log.
///
/// It carries the offset and timestamp the log assigned at append, so consumers can resume from an offset
/// and services can derive sequence numbers and arrival times from it.
public struct LogRecord: Sendable, Equatable {
    /// Position in the log: offsets start at 0 and are consecutive, without gaps.
    public let offset: UInt64
    /// Wall-clock time of the append in milliseconds since 1970, non-decreasing along the log.
    public let timestampMs: Int64
    public let key: [UInt8]
    public let value: [UInt8]
    /// The caller's opaque byte, returned untouched.
    public let attributes: UInt8

    public init(offset: UInt64, timestampMs: Int64, key: [UInt8], value: [UInt8], attributes: UInt8) {
        self.offset = offset
        self.timestampMs = timestampMs
        self.key = key
        self.value = value
        self.attributes = attributes
    }
}
