import Crypto

/// Recovers the user records packed into one Kinesis record by the Kinesis Producer Library (KPL).
///
/// Producers that use the KPL (or its Python, Go and Node ports) send many user records as one Kinesis record;
/// the KCL unpacks them on the consumer side. Tributary does the same so that its consumers and tools see user
/// records. The behaviour follows the KCL: data without the magic number, too short to hold a digest, or whose
/// digest does not match is an ordinary record and comes back unchanged. The layout is in
/// `KPLAggregatedRecordFormat`; the bounds in `KPLAggregationLimits`.
///
/// Stateless and `Sendable`; every failure caused by the data is thrown as `KPLAggregationError`, never trapped.
public enum KPLDeaggregator {
    /// True when `data` starts with the KPL magic number. The digest is not checked here: `deaggregate` decides
    /// whether such data really is an aggregated record.
    public static func isAggregated(_ data: [UInt8]) -> Bool {
        data.starts(with: KPLAggregatedRecordFormat.magic)
    }

    /// The user records inside the data of one Kinesis record.
    ///
    /// A record that is not aggregated (no magic number, no room for a digest, or a digest mismatch, as the KCL
    /// treats it) comes back as one `KPLUserRecord` with the outer keys, the data unchanged and `subSequenceNumber` 0.
    /// An aggregated record with no user records in it yields an empty array, as in the KCL.
    ///
    /// - Throws: `KPLAggregationError` only for data that has the magic number and a matching digest but whose
    ///   protobuf is malformed (truncated, a key index out of range, a required field missing...).
    public static func deaggregate(
        data: [UInt8], partitionKey: String, explicitHashKey: String? = nil
    ) throws(KPLAggregationError) -> [KPLUserRecord] {
        guard let protobuf = verifiedProtobuf(in: data) else {
            return [KPLUserRecord(partitionKey: partitionKey, explicitHashKey: explicitHashKey, data: data)]
        }
        let message = try KPLAggregatedRecordMessage(decoding: protobuf)
        var userRecords: [KPLUserRecord] = []
        userRecords.reserveCapacity(message.records.count)
        for (subSequenceNumber, record) in message.records.enumerated() {
            userRecords.append(try userRecord(record, subSequenceNumber: subSequenceNumber, in: message))
        }
        return userRecords
    }

    /// The protobuf bytes of `data` when it is framed as an aggregated record, or nil when it is an ordinary record.
    /// The slice keeps the indices of `data`, so offsets in errors count from the magic number.
    static func verifiedProtobuf(in data: [UInt8]) -> ArraySlice<UInt8>? {
        guard data.count > KPLAggregatedRecordFormat.framingByteCount, isAggregated(data) else { return nil }
        let digestStart = data.count - KPLAggregatedRecordFormat.digestByteCount
        let protobuf = data[KPLAggregatedRecordFormat.magic.count..<digestStart]
        let digest = Insecure.MD5.hash(data: protobuf)
        guard digest.elementsEqual(data[digestStart...]) else { return nil }
        return protobuf
    }

    private static func userRecord(
        _ record: KPLRecordMessage, subSequenceNumber: Int, in message: KPLAggregatedRecordMessage
    ) throws(KPLAggregationError) -> KPLUserRecord {
        let partitionKeys = message.partitionKeyTable
        guard record.partitionKeyIndex < UInt64(partitionKeys.count) else {
            throw .partitionKeyIndexOutOfRange(
                subSequenceNumber: subSequenceNumber, index: record.partitionKeyIndex, tableCount: partitionKeys.count)
        }
        var explicitHashKey: String?
        if let index = record.explicitHashKeyIndex {
            let explicitHashKeys = message.explicitHashKeyTable
            guard index < UInt64(explicitHashKeys.count) else {
                throw .explicitHashKeyIndexOutOfRange(
                    subSequenceNumber: subSequenceNumber, index: index, tableCount: explicitHashKeys.count)
            }
            explicitHashKey = explicitHashKeys[Int(index)]
        }
        return KPLUserRecord(
            partitionKey: partitionKeys[Int(record.partitionKeyIndex)],
            explicitHashKey: explicitHashKey,
            data: record.data,
            subSequenceNumber: subSequenceNumber
        )
    }
}
