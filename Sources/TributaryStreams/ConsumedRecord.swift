/// A record read by an in-process consumer: the same fields GetRecords gives, already decrypted.
///
/// `position` is what a consumer checkpoints: reading again from `position + 1` continues right after this record.
public struct ConsumedRecord: Sendable, Equatable {
    public let position: UInt64
    public let sequenceNumber: String
    public let partitionKey: String
    public let data: [UInt8]
    /// ApproximateArrivalTimestamp in milliseconds since 1970.
    public let arrivalMs: Int64
}
