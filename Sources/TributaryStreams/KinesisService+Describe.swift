import TributaryWire

/// DescribeStream, DescribeStreamSummary, ListStreams and DescribeLimits.
extension KinesisService {
    func describeStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let limit = try request.integer("Limit")
        validation.range(limit, at: "limit", min: 1, max: 10_000)
        let exclusiveStart = try shardIdMember(request, "ExclusiveStartShardId", at: "exclusiveStartShardId", required: false, &validation)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        let stream = try existingStream(name)

        var shards = stream.shards
        if let exclusiveStart {
            let startIndex = ShardDescriptor.index(of: exclusiveStart) ?? -1
            shards = shards.filter { $0.index > startIndex }
        }
        let pageSize = Int(limit ?? Int64(StreamsLimits.describeStreamLimitDefault))
        let page = shards.prefix(pageSize)
        var description = summaryFields(stream)
        description["Shards"] = .array(page.map { shardDocument($0, stream: stream) })
        description["HasMoreShards"] = .bool(shards.count > page.count)
        return .object(["StreamDescription": .object(description)])
    }

    func describeStreamSummary(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try requiredStreamName(request, &validation)
        let stream = try existingStream(name)
        var summary = summaryFields(stream)
        summary["OpenShardCount"] = .integer(Int64(stream.openShards.count))
        summary["ConsumerCount"] = .integer(Int64(stream.consumers.count))
        summary["MaxRecordSizeInKiB"] = .integer(Int64(stream.maxRecordSizeKiB))
        if stream.mode == .onDemand {
            var warm: [String: Document] = [
                "CurrentMiBps": .integer(Int64(stream.openShards.count * (StreamsLimits.shardWriteBytesPerSecond >> 20))),
            ]
            if let target = stream.warmThroughputMiBps { warm["TargetMiBps"] = .integer(Int64(target)) }
            summary["WarmThroughput"] = .object(warm)
        }
        return .object(["StreamDescriptionSummary": .object(summary)])
    }

    func listStreams(_ request: Document) throws -> Document {
        var validation = Validation()
        let limit = try request.integer("Limit")
        validation.range(limit, at: "limit", min: 1, max: 10_000)
        let exclusiveStart = try request.string("ExclusiveStartStreamName")
        validation.length(exclusiveStart, at: "exclusiveStartStreamName", min: 1, max: 128)
        validation.pattern(exclusiveStart, at: "exclusiveStartStreamName", pattern: Self.streamNamePattern)
        let nextToken = try request.string("NextToken")
        validation.length(nextToken, at: "nextToken", min: 1, max: 1_048_576)
        try validation.check()

        var after = exclusiveStart
        if let nextToken {
            after = try PageToken.decode(nextToken, kind: .listStreams, nowMs: WallClock.nowMs()).position
        }
        var streams = catalog.allStreams()
        if let after { streams = streams.filter { $0.name > after } }
        let pageSize = min(Int(limit ?? Int64(StreamsLimits.listStreamsLimitDefault)), StreamsLimits.listStreamsLimitDefault)
        let page = Array(streams.prefix(pageSize))
        let hasMore = streams.count > page.count
        var answer: [String: Document] = [
            "StreamNames": .array(page.map { .string($0.name) }),
            "HasMoreStreams": .bool(hasMore),
            "StreamSummaries": .array(page.map { stream in
                .object([
                    "StreamName": .string(stream.name),
                    "StreamARN": .string(streamARN(stream.name)),
                    "StreamStatus": .string(stream.status.rawValue),
                    "StreamModeDetails": .object(["StreamMode": .string(stream.mode.rawValue)]),
                    "StreamCreationTimestamp": .timestamp(Double(stream.incarnation) / 1000),
                ])
            }),
        ]
        if hasMore, let last = page.last {
            answer["NextToken"] = .string(
                PageToken(kind: .listStreams, scope: "", position: last.name, issuedAtMs: WallClock.nowMs()).encoded())
        }
        return .object(answer)
    }

    func describeLimits() -> Document {
        let streams = catalog.allStreams()
        let openShards = streams.reduce(0) { $0 + $1.openShards.count }
        return .object([
            "ShardLimit": .integer(Int64(StreamsLimits.accountShardLimit)),
            "OpenShardCount": .integer(Int64(openShards)),
            "OnDemandStreamCount": .integer(Int64(streams.filter { $0.mode == .onDemand }.count)),
            "OnDemandStreamCountLimit": .integer(Int64(StreamsLimits.onDemandStreamCountLimit)),
        ])
    }

    /// The members DescribeStream and DescribeStreamSummary share.
    func summaryFields(_ stream: StreamDescriptor) -> [String: Document] {
        [
            "StreamName": .string(stream.name),
            "StreamARN": .string(streamARN(stream.name)),
            "StreamStatus": .string(stream.status.rawValue),
            "StreamModeDetails": .object(["StreamMode": .string(stream.mode.rawValue)]),
            "RetentionPeriodHours": .integer(Int64(stream.retentionHours)),
            "StreamCreationTimestamp": .timestamp(Double(stream.incarnation) / 1000),
            "EnhancedMonitoring": .array([.object(["ShardLevelMetrics": .array(stream.shardLevelMetrics.map { .string($0) })])]),
        ]
        .merging(encryptionFields(stream)) { $1 }
    }

    func encryptionFields(_ stream: StreamDescriptor) -> [String: Document] {
        guard let keyId = stream.encryptionKeyId else { return ["EncryptionType": .string("NONE")] }
        return ["EncryptionType": .string("KMS"), "KeyId": .string(keyId)]
    }

    /// A `Shard` structure as DescribeStream and ListShards give it.
    func shardDocument(_ shard: ShardDescriptor, stream: StreamDescriptor) -> Document {
        var range: [String: Document] = [
            "StartingSequenceNumber": .string(
                SequenceNumber(incarnation: stream.incarnation, shardIndex: shard.index, offset: 0).description),
        ]
        if let endOffset = shard.endOffset {
            range["EndingSequenceNumber"] = .string(
                SequenceNumber(incarnation: stream.incarnation, shardIndex: shard.index, offset: endOffset).description)
        }
        var document: [String: Document] = [
            "ShardId": .string(shard.shardId),
            "HashKeyRange": .object([
                "StartingHashKey": .string(String(shard.hashKeyRange.start)),
                "EndingHashKey": .string(String(shard.hashKeyRange.end)),
            ]),
            "SequenceNumberRange": .object(range),
        ]
        if let parent = shard.parentIndex { document["ParentShardId"] = .string(ShardDescriptor.shardId(index: parent)) }
        if let adjacent = shard.adjacentParentIndex {
            document["AdjacentParentShardId"] = .string(ShardDescriptor.shardId(index: adjacent))
        }
        return .object(document)
    }
}
