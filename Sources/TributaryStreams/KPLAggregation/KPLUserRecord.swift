/// One user record recovered from (or to be packed into) a KPL aggregated Kinesis record.
///
/// The Kinesis Producer Library packs many user records into one Kinesis record; consumers see them again as
/// separate records that share the outer sequence number and are told apart by `subSequenceNumber`. This is what
/// `KPLDeaggregator` returns and `KPLAggregator` takes.
public struct KPLUserRecord: Sendable, Equatable {
    /// The user record's own partition key (not the outer record's, unless the record was not aggregated).
    public var partitionKey: String
    /// The user record's explicit hash key, a decimal 128-bit number as text, when the producer gave one.
    public var explicitHashKey: String?
    /// The user record's payload.
    public var data: [UInt8]
    /// Position of the user record within its aggregated record, from 0; always 0 for a record not aggregated.
    public var subSequenceNumber: Int

    public init(partitionKey: String, explicitHashKey: String? = nil, data: [UInt8], subSequenceNumber: Int = 0) {
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.data = data
        self.subSequenceNumber = subSequenceNumber
    }
}
