import Crypto

/// Packs user records into the data of one KPL aggregated record: the inverse of `KPLDeaggregator`.
///
/// Tributary itself stores records as it receives them; this exists so tests and benchmarks can make aggregated
/// records the way the Kinesis Producer Library does, without a JVM. The layout is in `KPLAggregatedRecordFormat`.
public enum KPLAggregator {
    /// The data of one aggregated record holding `records` in order; their `subSequenceNumber`s are ignored, since
    /// position decides them. Partition and explicit hash keys are stored once each, in order of first use.
    ///
    /// Like the KPL, put it to Kinesis with the first user record's partition key (and explicit hash key, if any).
    /// The caller keeps the result within the stream's record size; nothing here splits a batch that is too large.
    ///
    /// - Precondition: `records` is not empty (an empty aggregate would read back as one ordinary record).
    public static func aggregate(_ records: [KPLUserRecord]) -> [UInt8] {
        precondition(!records.isEmpty, "an aggregated record holds at least one user record")
        var partitionKeys = KPLKeyTable()
        var explicitHashKeys = KPLKeyTable()
        var messages: [KPLRecordMessage] = []
        messages.reserveCapacity(records.count)
        for record in records {
            messages.append(
                KPLRecordMessage(
                    partitionKeyIndex: partitionKeys.index(of: record.partitionKey),
                    explicitHashKeyIndex: record.explicitHashKey.map { explicitHashKeys.index(of: $0) },
                    data: record.data
                )
            )
        }
        let message = KPLAggregatedRecordMessage(
            partitionKeyTable: partitionKeys.keys, explicitHashKeyTable: explicitHashKeys.keys, records: messages)
        return framed(protobuf: message.encoded)
    }

    /// Wraps protobuf bytes in the magic number and their MD5 digest, whatever they hold. `aggregate` uses it, and so
    /// do tests and fuzzers that need malformed protobuf to get past the digest check and reach the reader.
    public static func framed(protobuf: [UInt8]) -> [UInt8] {
        var data = KPLAggregatedRecordFormat.magic
        data.reserveCapacity(KPLAggregatedRecordFormat.framingByteCount + protobuf.count)
        data.append(contentsOf: protobuf)
        data.append(contentsOf: Insecure.MD5.hash(data: protobuf))
        return data
    }
}
