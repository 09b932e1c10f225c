/// One record read back from a delivery stream's buffer, opened and ready for processing.
struct BufferedRecord: Sendable {
    let offset: UInt64
    let data: [UInt8]
    /// When Firehose received it (for a data stream source: the Kinesis ApproximateArrivalTimestamp).
    let arrivalMs: Int64
    /// Present when the record came from a data stream.
    let source: SourceRecordMetadata?
}
