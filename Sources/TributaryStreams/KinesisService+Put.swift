import TributaryLog
import TributaryWire

/// PutRecord and PutRecords: route by MD5 of the partition key (or the ExplicitHashKey) to the open shard that owns
/// the hash, append to that shard's log, answer once the log says the records are durable.
extension KinesisService {
    static let hashKeyPattern = ConstraintPattern("0|([1-9]\\d{0,38})")
    static let sequenceNumberPattern = ConstraintPattern("0|([1-9]\\d{0,128})")

    /// One record after validation, ready to append.
    struct PendingRecord {
        var partitionKey: String
        var data: [UInt8]
        var hashKey: UInt128
    }

    func putRecord(_ request: Document) async throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let data = validation.required(try request.blob("Data"), at: "data")
        let partitionKey = validation.required(try request.string("PartitionKey"), at: "partitionKey")
        validation.length(partitionKey, at: "partitionKey", min: 1, max: StreamsLimits.partitionKeyLengthMax)
        let explicitHashKey = try request.string("ExplicitHashKey")
        validation.pattern(explicitHashKey, at: "explicitHashKey", pattern: Self.hashKeyPattern)
        let ordering = try request.string("SequenceNumberForOrdering")
        validation.pattern(ordering, at: "sequenceNumberForOrdering", pattern: Self.sequenceNumberPattern)
        checkDataLength(data, at: "data", &validation)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let data, let partitionKey else { return .object([:]) }

        let stream = try servingStream(name)
        if let ordering, SequenceNumber(parsing: ordering) == nil {
            throw StreamsError.invalidArgument(
                "ExclusiveMinimumSequenceNumber \(ordering) used in PutRecord on stream \(name) under account \(configuration.accountId) is invalid.")
        }
        let record = try pendingRecord(partitionKey: partitionKey, data: data, explicitHashKey: explicitHashKey,
                                       stream: stream)
        let (written, results) = try await appendRouted([record], streamName: name)
        switch results[0] {
        case .success(let (shard, offset)):
            return .object([
                "ShardId": .string(shard.shardId),
                "SequenceNumber": .string(sequenceNumber(written, shard, offset)),
                "EncryptionType": .string(written.encryptionKeyId == nil ? "NONE" : "KMS"),
            ])
        case .failure(let error):
            throw error
        }
    }

    func putRecords(_ request: Document) async throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let entries = validation.required(try request.array("Records"), at: "records")
        validation.count(entries?.count, at: "records", min: 1, max: StreamsLimits.putRecordsEntriesMax, renderedValue: nil)
        var decoded: [(data: [UInt8]?, key: String?, explicit: String?)] = []
        var totalBytes = 0
        for (position, entry) in (entries ?? []).enumerated() where decoded.count < StreamsLimits.putRecordsEntriesMax {
            let path = "records.\(position + 1).member"
            guard case .object = entry else {
                throw ServiceError.serialization("Unexpected value type in records.\(position + 1)")
            }
            let data = validation.required(try entry.blob("Data"), at: "\(path).data")
            let key = validation.required(try entry.string("PartitionKey"), at: "\(path).partitionKey")
            validation.length(key, at: "\(path).partitionKey", min: 1, max: StreamsLimits.partitionKeyLengthMax)
            let explicit = try entry.string("ExplicitHashKey")
            validation.pattern(explicit, at: "\(path).explicitHashKey", pattern: Self.hashKeyPattern)
            checkDataLength(data, at: "\(path).data", &validation)
            totalBytes += (data?.count ?? 0) + (key?.utf8.count ?? 0)
            decoded.append((data, key, explicit))
        }
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        if totalBytes > StreamsLimits.putRecordsBytesMax {
            throw StreamsError.invalidArgument(
                "Records size exceeds \(StreamsLimits.putRecordsBytesMax / (1 << 20)) MB limit: \(totalBytes) bytes were sent in one PutRecords request.")
        }
        let stream = try servingStream(name)
        var records: [PendingRecord] = []
        records.reserveCapacity(decoded.count)
        for entry in decoded {
            guard let data = entry.data, let key = entry.key else { continue }
            records.append(try pendingRecord(partitionKey: key, data: data, explicitHashKey: entry.explicit, stream: stream))
        }
        let (written, results) = try await appendRouted(records, streamName: name)
        var failed = 0
        let answers: [Document] = results.map { result in
            switch result {
            case .success(let (shard, offset)):
                return .object([
                    "ShardId": .string(shard.shardId),
                    "SequenceNumber": .string(sequenceNumber(written, shard, offset)),
                ])
            case .failure(let error):
                failed += 1
                let rendered = error.serviceError
                return .object(["ErrorCode": .string(rendered.code), "ErrorMessage": .string(rendered.message ?? "")])
            }
        }
        return .object([
            "FailedRecordCount": .integer(Int64(failed)),
            "Records": .array(answers),
            "EncryptionType": .string(written.encryptionKeyId == nil ? "NONE" : "KMS"),
        ])
    }

    func pendingRecord(partitionKey: String, data: [UInt8], explicitHashKey: String?,
                               stream: StreamDescriptor) throws -> PendingRecord {
        let hashKey: UInt128
        if let explicitHashKey {
            guard let parsed = HashKey.parse(decimal: explicitHashKey) else {
                throw StreamsError.invalidArgument(
                    "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was \(explicitHashKey)")
            }
            hashKey = parsed
        } else {
            hashKey = HashKey.of(partitionKey: partitionKey)
        }
        let recordBytes = data.count + partitionKey.utf8.count
        let limit = stream.maxRecordSizeKiB << 10
        if recordBytes > limit {
            throw StreamsError.invalidArgument(
                "Record size \(recordBytes) bytes (data plus partition key) exceeds the stream's maximum record size of \(limit) bytes.")
        }
        return PendingRecord(partitionKey: partitionKey, data: data, hashKey: hashKey)
    }

    /// The model allows blobs up to 10 MiB (for streams with a raised record size); the default stream limit is
    /// enforced per stream afterwards. AWS renders a too-long blob as its Java buffer.
    private func checkDataLength(_ data: [UInt8]?, at path: String, _ validation: inout Validation) {
        guard let data, data.count > 10 << 20 else { return }
        validation.fail(value: "java.nio.HeapByteBuffer[pos=0 lim=\(data.count) cap=\(data.count)]", at: path,
                        constraint: "Member must have length less than or equal to \(10 << 20)")
    }

    func logInput(_ record: PendingRecord, stream: StreamDescriptor) throws -> LogRecordInput {
        let stored = try storedValue(record, stream: stream)
        return LogRecordInput(key: Array(record.partitionKey.utf8), value: stored.value, attributes: stored.attributes)
    }

    func log(of shard: ShardDescriptor, in stream: StreamDescriptor) throws -> any RecordLog {
        try records.log(LogIdentifier(stream.logDirectory + [shard.shardId]))
    }

    /// The sequence number of the record at `offset`. Numbers count positions from 1, so that a shard's
    /// StartingSequenceNumber (position 0) lies before its first record, as on AWS: AFTER_SEQUENCE_NUMBER with it
    /// reads the first record, and a continuation number names exactly where the next read starts.
    func sequenceNumber(_ stream: StreamDescriptor, _ shard: ShardDescriptor, _ offset: UInt64) -> String {
        SequenceNumber(incarnation: stream.incarnation, shardIndex: shard.index, offset: offset + 1).description
    }
}
