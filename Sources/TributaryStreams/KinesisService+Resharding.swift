import TributaryWire

/// SplitShard, MergeShards, UpdateShardCount and UpdateStreamMode: each validates at once and answers, the stream
/// turns UPDATING, and the new shard map appears when the state delay ends (see `finishUpdate`).
extension KinesisService {
    func splitShard(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let shardId = try shardIdMember(request, "ShardToSplit", at: "shardToSplit", required: true, &validation)
        let newStart = validation.required(try request.string("NewStartingHashKey"), at: "newStartingHashKey")
        validation.pattern(newStart, at: "newStartingHashKey", pattern: Self.hashKeyPattern)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let shardId, let newStart else { return .object([:]) }
        let account = configuration.accountId
        try beginUpdate(name) { stream, existing in
            let shard = try openShard(shardId, in: stream)
            guard let hashKey = HashKey.parse(decimal: newStart), hashKey > shard.hashKeyRange.start + 1,
                  hashKey < shard.hashKeyRange.end
            else {
                throw StreamsError.invalidArgument(
                    "NewStartingHashKey \(newStart) used in SplitShard() on shard \(shard.shardId) in stream \(name) under account \(account) is not both greater than one plus the shard's StartingHashKey \(shard.hashKeyRange.start) and less than the shard's EndingHashKey \(shard.hashKeyRange.end).")
            }
            try checkShardLimit(adding: 1, existing: existing)
            return .split(shard: shard.index, startingHashKey: newStart)
        }
        return .object([:])
    }

    func mergeShards(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let first = try shardIdMember(request, "ShardToMerge", at: "shardToMerge", required: true, &validation)
        let second = try shardIdMember(request, "AdjacentShardToMerge", at: "adjacentShardToMerge", required: true, &validation)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let first, let second else { return .object([:]) }
        let account = configuration.accountId
        try beginUpdate(name) { stream, _ in
            let shard = try openShard(first, in: stream)
            let adjacent = try openShard(second, in: stream)
            let ranges = [shard.hashKeyRange, adjacent.hashKeyRange].sorted { $0.start < $1.start }
            guard shard.index != adjacent.index, ranges[0].end < UInt128.max, ranges[0].end + 1 == ranges[1].start else {
                throw StreamsError.invalidArgument(
                    "Shards \(shard.shardId) and \(adjacent.shardId) in stream \(name) under account \(account) are not an adjacent pair of shards eligible for merging")
            }
            return .merge(shard: shard.index, adjacent: adjacent.index)
        }
        return .object([:])
    }

    func updateShardCount(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let target = validation.required(try request.integer("TargetShardCount"), at: "targetShardCount")
        validation.range(target, at: "targetShardCount", min: 1, max: nil)
        let scaling = validation.required(try request.string("ScalingType"), at: "scalingType")
        validation.oneOf(scaling, at: "scalingType", allowed: ["UNIFORM_SCALING"])
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let target else { return .object([:]) }
        var current = 0
        try beginUpdate(name) { stream, existing in
            current = stream.openShards.count
            if stream.mode == .onDemand {
                throw StreamsError.validation("UpdateShardCount is not supported for streams in ON_DEMAND mode.")
            }
            try checkUniformScaling(from: current, to: Int(target), existing: existing, stream: stream)
            return .uniformScaling(target: Int(target))
        }
        return .object([
            "StreamName": .string(name),
            "StreamARN": .string(streamARN(name)),
            "CurrentShardCount": .integer(Int64(current)),
            "TargetShardCount": .integer(target),
        ])
    }

    func updateStreamMode(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = validation.required(try request.string("StreamARN"), at: "streamARN")
        validation.length(arn, at: "streamARN", min: 1, max: 2048)
        validation.pattern(arn, at: "streamARN", pattern: Self.streamARNPattern)
        let details = validation.required(try request.object("StreamModeDetails"), at: "streamModeDetails")
        let modeText = try details?.string("StreamMode")
        if details != nil { _ = validation.required(modeText, at: "streamModeDetails.streamMode") }
        validation.oneOf(modeText, at: "streamModeDetails.streamMode", allowed: ["PROVISIONED", "ON_DEMAND"])
        _ = try request.integer("WarmThroughputMiBps")
        try validation.check()
        guard let arn, let modeText, let mode = StreamMode(rawValue: modeText) else { return .object([:]) }
        let name = try streamName(fromARN: arn)
        try beginUpdate(name) { stream, existing in
            if mode == stream.mode {
                throw StreamsError.invalidArgument("Stream \(name) under account \(configuration.accountId) is already in \(mode.rawValue) mode.")
            }
            if mode == .onDemand, existing.filter({ $0.mode == .onDemand }).count >= StreamsLimits.onDemandStreamCountLimit {
                throw StreamsError.limitExceeded(
                    "This request would exceed the limit of \(StreamsLimits.onDemandStreamCountLimit) on-demand streams for the account \(configuration.accountId) in \(configuration.region).")
            }
            return .mode(mode)
        }
        return .object([:])
    }

    /// Puts an ACTIVE stream into UPDATING with the change `plan` returns (which may throw to refuse it) and
    /// schedules the change for when the state delay ends.
    func beginUpdate(_ name: String, _ plan: (StreamDescriptor, [StreamDescriptor]) throws -> PendingUpdate) throws {
        let deadline = WallClock.nowMs() + Int64(configuration.stateDelayMs)
        let existing = catalog.allStreams()
        let incarnation = try updateActiveStream(name) { stream in
            stream.pendingUpdate = try plan(stream, existing)
            stream.status = .updating
            stream.statusDeadlineMs = deadline
            return stream.incarnation
        }
        scheduleTransition(of: name, incarnation: incarnation, deadlineMs: deadline)
    }

    /// AWS's bounds on one UpdateShardCount: at most double and at least half the open shards, within the
    /// account's shard limit.
    func checkUniformScaling(from current: Int, to target: Int, existing: [StreamDescriptor], stream: StreamDescriptor) throws {
        if target > current * 2 {
            throw StreamsError.limitExceeded(
                "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: \(current), Target shard count: \(target)")
        }
        if target * 2 < current {
            throw StreamsError.limitExceeded(
                "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: \(current), Target shard count: \(target)")
        }
        try checkShardLimit(adding: target - current, existing: existing)
    }

    func checkShardLimit(adding count: Int, existing: [StreamDescriptor]) throws {
        let inUse = existing.reduce(0) { $0 + $1.openShards.count }
        if count > 0, inUse + count > StreamsLimits.accountShardLimit {
            throw StreamsError.limitExceeded(
                "This request would exceed the shard limit for the account \(configuration.accountId) in \(configuration.region). Current shard count for the account: \(inUse). Limit: \(StreamsLimits.accountShardLimit). Number of additional shards that would have resulted from this request: \(count).")
        }
    }

    private func openShard(_ shardId: String, in stream: StreamDescriptor) throws -> ShardDescriptor {
        guard let index = ShardDescriptor.index(of: shardId), let shard = stream.shard(index: index) else {
            throw StreamsError.resourceNotFound(
                "Could not find shard \(shardId) in stream \(stream.name) under account \(configuration.accountId).")
        }
        guard shard.isOpen else {
            throw StreamsError.resourceInUse(
                "Shard \(shard.shardId) in stream \(stream.name) under account \(configuration.accountId) has already been merged or split, and thus is not eligible for merging or splitting.")
        }
        return shard
    }
}
