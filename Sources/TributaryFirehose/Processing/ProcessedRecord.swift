/// A record on its way to the destination after the processors ran.
struct ProcessedRecord: Sendable {
    /// The id Lambda sees: the buffer offset, with a sub-index for records split by de-aggregation.
    var recordId: String
    var data: [UInt8]
    var arrivalMs: Int64
    var source: SourceRecordMetadata?
    var partitionKeysFromQuery: [String: String] = [:]
    var partitionKeysFromLambda: [String: String] = [:]
}
