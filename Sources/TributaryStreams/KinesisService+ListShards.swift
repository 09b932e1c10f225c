import TributaryWire

/// ListShards: paging by NextToken or ExclusiveStartShardId, and every ShardFilter type.
extension KinesisService {
    static let shardFilterTypes = ["AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST",
                                   "AT_TIMESTAMP", "FROM_TIMESTAMP"]

    func listShards(_ request: Document) throws -> Document {
        var validation = Validation()
        let explicitName = try streamNameMember(request, &validation)
        let nextToken = try request.string("NextToken")
        validation.length(nextToken, at: "nextToken", min: 1, max: 1_048_576)
        let exclusiveStart = try shardIdMember(request, "ExclusiveStartShardId", at: "exclusiveStartShardId", required: false, &validation)
        let maxResults = try request.integer("MaxResults")
        validation.range(maxResults, at: "maxResults", min: 1, max: 10_000)
        _ = try request.timestamp("StreamCreationTimestamp")
        let filterDocument = try request.object("ShardFilter")
        let filterType = try filterDocument?.string("Type")
        if filterDocument != nil {
            _ = validation.required(filterType, at: "shardFilter.type")
            validation.oneOf(filterType, at: "shardFilter.type", allowed: Self.shardFilterTypes)
        }
        let filterShardId = try filterDocument?.string("ShardId")
        validation.length(filterShardId, at: "shardFilter.shardId", min: 1, max: 128)
        let filterTimestamp = try filterDocument?.timestamp("Timestamp")
        try validation.check()

        let nowMs = WallClock.nowMs()
        let name: String
        var afterIndex = -1
        var filter: ShardFilter?
        if let nextToken {
            if explicitName != nil {
                throw StreamsError.invalidArgument("NextToken and StreamName cannot be provided together.")
            }
            if exclusiveStart != nil {
                throw StreamsError.invalidArgument("NextToken and ExclusiveStartShardId cannot be provided together.")
            }
            if filterDocument != nil {
                throw StreamsError.invalidArgument("NextToken and ShardFilter cannot be provided together.")
            }
            let token = try PageToken.decode(nextToken, kind: .listShards, nowMs: nowMs)
            let parts = token.position.split(separator: ";", omittingEmptySubsequences: false)
            guard parts.count == 2, let last = Int(parts[0]) else { throw StreamsError.invalidArgument("Invalid NextToken.") }
            name = token.scope
            afterIndex = last
            filter = parts[1].isEmpty ? nil : ShardFilter(tokenText: String(parts[1]))
        } else {
            guard let explicitName else {
                throw StreamsError.invalidArgument("Either NextToken or StreamName should be provided.")
            }
            name = explicitName
            if let exclusiveStart { afterIndex = ShardDescriptor.index(of: exclusiveStart) ?? -1 }
            if let filterType {
                filter = try shardFilter(type: filterType, shardId: filterShardId, timestamp: filterTimestamp)
            }
        }

        let stream = try existingStream(name)
        let selected = stream.shards.filter { shard in
            shard.index > afterIndex && (filter?.selects(shard, in: stream, nowMs: nowMs) ?? true)
        }
        let pageSize = Int(maxResults ?? Int64(StreamsLimits.listShardsLimitDefault))
        let page = selected.prefix(pageSize)
        var answer: [String: Document] = ["Shards": .array(page.map { shardDocument($0, stream: stream) })]
        if selected.count > page.count, let last = page.last {
            let position = "\(last.index);\(filter?.tokenText ?? "")"
            answer["NextToken"] = .string(
                PageToken(kind: .listShards, scope: name, position: position, issuedAtMs: nowMs).encoded())
        }
        return .object(answer)
    }

    private func shardFilter(type: String, shardId: String?, timestamp: Double?) throws -> ShardFilter {
        switch type {
        case "AFTER_SHARD_ID":
            guard let shardId else {
                throw StreamsError.invalidArgument("Must specify ShardId in ShardFilter when ShardFilter type is AFTER_SHARD_ID.")
            }
            return .afterShardId(ShardDescriptor.index(of: shardId) ?? -1)
        case "AT_TIMESTAMP", "FROM_TIMESTAMP":
            guard let timestamp else {
                throw StreamsError.invalidArgument("Must specify Timestamp in ShardFilter when ShardFilter type is \(type).")
            }
            let ms = Int64((timestamp * 1000).rounded(.down))
            return type == "AT_TIMESTAMP" ? .atTimestamp(ms) : .fromTimestamp(ms)
        case "AT_TRIM_HORIZON": return .atTrimHorizon
        case "FROM_TRIM_HORIZON": return .fromTrimHorizon
        default: return .atLatest
        }
    }
}
