import Foundation
import TributaryLog
import TributaryWire

/// GetShardIterator and GetRecords: positions become signed iterators, iterators become records.
extension KinesisService {
    static let iteratorTypes = ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]

    func getShardIterator(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let shardId = try shardIdMember(request, "ShardId", at: "shardId", required: true, &validation)
        let type = validation.required(try request.string("ShardIteratorType"), at: "shardIteratorType")
        validation.oneOf(type, at: "shardIteratorType", allowed: Self.iteratorTypes)
        let startingSequence = try request.string("StartingSequenceNumber")
        validation.pattern(startingSequence, at: "startingSequenceNumber", pattern: Self.sequenceNumberPattern)
        let timestamp = try request.timestamp("Timestamp")
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let shardId, let type else { return .object([:]) }

        let stream = try servingStream(name)
        guard let index = ShardDescriptor.index(of: shardId), let shard = stream.shard(index: index) else {
            throw shardNotFound(shardId, name)
        }
        let offset = try startingOffset(type: type, sequence: startingSequence, timestamp: timestamp, shard: shard,
                                        stream: stream)
        let token = ShardIteratorToken(streamName: name, incarnation: stream.incarnation, shardIndex: shard.index,
                                       offset: offset, issuedAtMs: WallClock.nowMs())
        return .object(["ShardIterator": .string(token.encoded(key: iteratorKey))])
    }

    /// Where reading starts for an iterator or subscription type, as GetShardIterator and SubscribeToShard define it.
    func startingOffset(type: String, sequence startingSequence: String?, timestamp: Double?, shard: ShardDescriptor,
                        stream: StreamDescriptor) throws -> UInt64 {
        let log = try log(of: shard, in: stream)
        switch type {
        case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER":
            guard let startingSequence else {
                throw StreamsError.invalidArgument(
                    "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified \(type) and no StartingSequenceNumber.")
            }
            let position = try position(of: startingSequence, shard: shard, stream: stream).offset
            // Positions count from 1 (see `sequenceNumber`): the record at position p has offset p - 1.
            return type == "AT_SEQUENCE_NUMBER" ? max(position, 1) - 1 : position
        case "AT_TIMESTAMP":
            guard let timestamp else {
                throw StreamsError.invalidArgument(
                    "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.")
            }
            return try log.firstOffset(atOrAfterTimestampMs: Int64((timestamp * 1000).rounded(.down)))
        default:
            if startingSequence != nil {
                throw StreamsError.invalidArgument(
                    "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified \(type) and also a StartingSequenceNumber.")
            }
            return type == "TRIM_HORIZON" ? log.startOffset : log.endOffset
        }
    }

    /// Checks that a sequence number was issued for this shard of this stream, with AWS's messages when not.
    func position(of text: String, shard: ShardDescriptor, stream: StreamDescriptor) throws -> SequenceNumber {
        let account = configuration.accountId
        guard let sequence = SequenceNumber(parsing: text) else {
            throw StreamsError.invalidArgument(
                "StartingSequenceNumber \(text) used in GetShardIterator on shard \(shard.shardId) in stream \(stream.name) under account \(account) is invalid.")
        }
        guard sequence.shardIndex == shard.index else {
            throw StreamsError.invalidArgument(
                "Invalid StartingSequenceNumber. It encodes \(ShardDescriptor.shardId(index: sequence.shardIndex)), while it was used in a call to a shard with \(shard.shardId)")
        }
        guard sequence.incarnation == stream.incarnation else {
            throw StreamsError.invalidArgument(
                "StartingSequenceNumber \(text) used in GetShardIterator on shard \(shard.shardId) in stream \(stream.name) under account \(account) is invalid because it did not come from this stream.")
        }
        return sequence
    }

    func getRecords(_ request: Document) throws -> Document {
        var validation = Validation()
        let iteratorText = validation.required(try request.string("ShardIterator"), at: "shardIterator")
        validation.length(iteratorText, at: "shardIterator", min: 1, max: 512)
        let limit = try request.integer("Limit")
        validation.range(limit, at: "limit", min: 1, max: Int64(StreamsLimits.getRecordsLimitMax))
        _ = try streamNameMember(request, &validation)
        try validation.check()
        guard let iteratorText else { return .object([:]) }

        guard let token = ShardIteratorToken(decoding: iteratorText, key: iteratorKey) else {
            throw StreamsError.invalidArgument("Invalid ShardIterator.")
        }
        let nowMs = WallClock.nowMs()
        if nowMs - token.issuedAtMs > StreamsLimits.iteratorLifetimeMs {
            throw StreamsError.expiredIterator(
                "Iterator expired. The iterator was created at time \(Self.amazonTime(token.issuedAtMs)) while right now it is \(Self.amazonTime(nowMs)) which is further in the future than the tolerated delay of \(StreamsLimits.iteratorLifetimeMs) milliseconds.")
        }
        let shardId = ShardDescriptor.shardId(index: token.shardIndex)
        guard let stream = catalog.stream(named: token.streamName), stream.status.isServingData,
              stream.incarnation == token.incarnation
        else { throw shardNotFound(shardId, token.streamName) }
        guard let shard = stream.shard(index: token.shardIndex) else { throw shardNotFound(shardId, token.streamName) }

        let limiterKey = ThroughputLimiter.Key(incarnation: stream.incarnation, shardIndex: shard.index)
        if configuration.enforceLimits, !limiter.admitRead(limiterKey, nowMs: nowMs) {
            metrics.count("ReadProvisionedThroughputExceeded", 1, stream: stream, shard: shard)
            throw throttled(shard, stream: stream)
        }
        let log = try log(of: shard, in: stream)
        let stopOffset = shard.endOffset ?? UInt64.max
        let readable = token.offset < stopOffset
        let found = readable
            ? try log.read(from: token.offset, maxRecords: Int(limit ?? Int64(StreamsLimits.getRecordsLimitMax)),
                           maxBytes: StreamsLimits.getRecordsBytesMax).filter { $0.offset < stopOffset }
            : []
        if configuration.enforceLimits {
            limiter.chargeRead(limiterKey, bytes: found.reduce(0) { $0 + $1.value.count + $1.key.count })
        }
        let nextOffset = found.last.map { $0.offset + 1 } ?? max(token.offset, log.startOffset)
        let behindMs = millisBehind(log: log, nextOffset: nextOffset, lastRead: found.last, nowMs: nowMs)
        recordReadMetrics(prefix: "GetRecords", found, behindMs: behindMs, stream: stream, shard: shard)
        var answer: [String: Document] = [
            "Records": .array(try found.map { try recordDocument($0, stream: stream, shard: shard) }),
            "MillisBehindLatest": .integer(behindMs),
        ]
        if nextOffset >= stopOffset {
            answer["ChildShards"] = childShardsDocument(of: shard, in: stream)
        } else {
            let next = ShardIteratorToken(streamName: token.streamName, incarnation: stream.incarnation,
                                          shardIndex: shard.index, offset: nextOffset, issuedAtMs: nowMs)
            answer["NextShardIterator"] = .string(next.encoded(key: iteratorKey))
        }
        return .object(answer)
    }

    /// GetRecords.* or SubscribeToShardEvent.* for the stream, and the shard-level Outgoing* and iterator age.
    func recordReadMetrics(prefix: String, _ records: [LogRecord], behindMs: Int64, stream: StreamDescriptor,
                           shard: ShardDescriptor) {
        let bytes = records.reduce(0) { $0 + $1.value.count }
        metrics.count("\(prefix).Records", records.count, stream: stream)
        metrics.count("\(prefix).Bytes", bytes, stream: stream)
        metrics.count("\(prefix).Success", 1, stream: stream)
        metrics.count("OutgoingRecords", records.count, stream: stream, shard: shard)
        metrics.count("OutgoingBytes", bytes, stream: stream, shard: shard)
        metrics.gauge(prefix == "GetRecords" ? "GetRecords.IteratorAgeMilliseconds" : "SubscribeToShardEvent.MillisBehindLatest",
                      behindMs, stream: stream, shard: shard, shardLevelName: "IteratorAgeMilliseconds")
    }

    /// A `Record` structure as GetRecords and SubscribeToShard give it.
    func recordDocument(_ record: LogRecord, stream: StreamDescriptor, shard: ShardDescriptor) throws -> Document {
        var document: [String: Document] = [
            "SequenceNumber": .string(sequenceNumber(stream, shard, record.offset)),
            "ApproximateArrivalTimestamp": .timestamp(Double(record.timestampMs) / 1000),
            "PartitionKey": .string(String(decoding: record.key, as: UTF8.self)),
        ]
        document["Data"] = .blob(try plainData(of: record, stream: stream))
        if record.attributes & RecordSealing.encryptedFlag != 0 {
            document["EncryptionType"] = .string("KMS")
        }
        return .object(document)
    }

    /// The record's data as the producer sent it: opened when it was stored encrypted.
    func plainData(of record: LogRecord, stream: StreamDescriptor) throws -> [UInt8] {
        guard record.attributes & RecordSealing.encryptedFlag != 0 else { return record.value }
        do {
            return try RecordSealing.open(record.value, partitionKey: record.key, keyring: keyring)
        } catch {
            logger.error("encrypted record unreadable", metadata: ["stream": "\(stream.name)", "error": "\(error)"])
            throw StreamsError.internalFailure("Internal service failure.")
        }
    }

    /// The ChildShards a reader receives at the end of a closed shard.
    func childShardsDocument(of shard: ShardDescriptor, in stream: StreamDescriptor) -> Document {
        let children = stream.shards.filter { $0.parentIndex == shard.index || $0.adjacentParentIndex == shard.index }
        return .array(children.map { child in
            .object([
                "ShardId": .string(child.shardId),
                "ParentShards": .array([child.parentIndex, child.adjacentParentIndex].compactMap { $0 }
                    .map { .string(ShardDescriptor.shardId(index: $0)) }),
                "HashKeyRange": .object([
                    "StartingHashKey": .string(String(child.hashKeyRange.start)),
                    "EndingHashKey": .string(String(child.hashKeyRange.end)),
                ]),
            ])
        })
    }

    /// How far the answer is from the tip of the shard: 0 when caught up, else the age of the last record read.
    func millisBehind(log: any RecordLog, nextOffset: UInt64, lastRead: LogRecord?, nowMs: Int64) -> Int64 {
        guard nextOffset < log.endOffset else { return 0 }
        guard let lastRead else { return 0 }
        return max(0, nowMs - lastRead.timestampMs)
    }

    /// Times in ExpiredIteratorException messages, as AWS writes them: `Thu Jan 22 01:22:02 UTC 2015`.
    static func amazonTime(_ ms: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss 'UTC' yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
