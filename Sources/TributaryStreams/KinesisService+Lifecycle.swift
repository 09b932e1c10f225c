import TributaryWire

/// CreateStream and DeleteStream, and the timed CREATING/UPDATING/DELETING transitions that follow them.
extension KinesisService {
    func createStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = validation.required(try request.string("StreamName"), at: "streamName")
        validation.length(name, at: "streamName", min: 1, max: 128)
        validation.pattern(name, at: "streamName", pattern: Self.streamNamePattern)
        let shardCount = try request.integer("ShardCount")
        validation.range(shardCount, at: "shardCount", min: 1, max: nil)
        let modeText = try request.object("StreamModeDetails").map { try $0.string("StreamMode") } ?? nil
        if request["StreamModeDetails"] != nil, modeText == nil {
            validation.fail(value: nil, at: "streamModeDetails.streamMode", constraint: "Member must not be null")
        }
        validation.oneOf(modeText, at: "streamModeDetails.streamMode", allowed: ["PROVISIONED", "ON_DEMAND"])
        let tags = try request.stringMap("Tags")
        validation.count(tags?.count, at: "tags", min: 1, max: 200, renderedValue: nil)
        let maxRecordSize = try request.integer("MaxRecordSizeInKiB")
        validation.range(maxRecordSize, at: "maxRecordSizeInKiB", min: 1024, max: 10240)
        try validation.check()
        guard let name else { return .object([:]) }

        let mode = modeText.flatMap(StreamMode.init(rawValue:)) ?? .provisioned
        let count: Int
        switch mode {
        case .provisioned:
            guard let shardCount else {
                throw StreamsError.invalidArgument("ShardCount is required for streams in PROVISIONED mode.")
            }
            count = Int(shardCount)
        case .onDemand:
            count = StreamsLimits.onDemandInitialShardCount
        }
        if let tags { try validateTags(tags, streamName: name, existing: [:]) }

        let nowMs = WallClock.nowMs()
        let shards = HashKeyRange.evenSplit(count: count).enumerated().map { index, range in
            ShardDescriptor(index: index, hashKeyRange: range, createdAtMs: nowMs)
        }
        var descriptor = StreamDescriptor(name: name, incarnation: nowMs, mode: mode, shards: shards, tags: tags ?? [:])
        if let maxRecordSize { descriptor.maxRecordSizeKiB = Int(maxRecordSize) }
        descriptor.statusDeadlineMs = nowMs + Int64(configuration.stateDelayMs)

        // The incarnation makes this directory new; clear it anyway so a stream never starts on stale files.
        try records.deleteLogs(under: descriptor.logDirectory)
        try catalog.insert(descriptor) { existing in
            if existing.contains(where: { $0.name == name }) {
                throw StreamsError.resourceInUse("Stream \(name) under account \(configuration.accountId) already exists.")
            }
            if mode == .onDemand {
                let onDemand = existing.filter { $0.mode == .onDemand }.count
                if onDemand >= StreamsLimits.onDemandStreamCountLimit {
                    throw StreamsError.limitExceeded(
                        "This request would exceed the limit of \(StreamsLimits.onDemandStreamCountLimit) on-demand streams for the account \(configuration.accountId) in \(configuration.region).")
                }
            } else {
                let inUse = existing.reduce(0) { $0 + $1.openShards.count }
                if inUse + count > StreamsLimits.accountShardLimit {
                    throw StreamsError.limitExceeded(
                        "This request would exceed the shard limit for the account \(configuration.accountId) in \(configuration.region). Current limit of shards: \(StreamsLimits.accountShardLimit), Shards in use: \(inUse), shards requested: \(count).")
                }
            }
        }
        scheduleTransition(of: name, incarnation: descriptor.incarnation, deadlineMs: descriptor.statusDeadlineMs)
        return .object([:])
    }

    func deleteStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try requiredStreamName(request, &validation)
        let enforceConsumerDeletion = try request.bool("EnforceConsumerDeletion") ?? false
        let deadline = WallClock.nowMs() + Int64(configuration.stateDelayMs)
        let incarnation: Int64
        do {
            incarnation = try catalog.update(name) { stream in
                guard stream.status == .active || stream.status == .updating else {
                    if stream.status == .deleting { throw notFound(name) }
                    throw StreamsError.resourceInUse(
                        "Stream \(name) under account \(configuration.accountId) not ACTIVE, instead in state \(stream.status.rawValue)")
                }
                if !stream.consumers.isEmpty, !enforceConsumerDeletion {
                    throw StreamsError.resourceInUse(
                        "Stream \(name) under account \(configuration.accountId) has registered consumers. Set EnforceConsumerDeletion to true to delete it with its consumers.")
                }
                stream.status = .deleting
                stream.statusDeadlineMs = deadline
                return stream.incarnation
            }
        } catch StreamCatalog.CatalogError.missing {
            throw notFound(name)
        }
        scheduleTransition(of: name, incarnation: incarnation, deadlineMs: deadline)
        return .object([:])
    }

    /// Ends the stream's transitional status at `deadlineMs`: CREATING and UPDATING become ACTIVE, DELETING removes
    /// the stream and its logs.
    func scheduleTransition(of name: String, incarnation: Int64, deadlineMs: Int64?) {
        let delayMs = max(0, (deadlineMs ?? 0) - WallClock.nowMs())
        Task { [self] in
            if delayMs > 0 { try? await Task.sleep(for: .milliseconds(delayMs)) }
            await completeTransition(of: name, incarnation: incarnation)
        }
    }

    private func completeTransition(of name: String, incarnation: Int64) async {
        guard let stream = catalog.stream(named: name), stream.incarnation == incarnation else { return }
        do {
            switch stream.status {
            case .active:
                return
            case .creating:
                try catalog.update(name) { stream in
                    guard stream.incarnation == incarnation else { return }
                    stream.status = .active
                    stream.statusDeadlineMs = nil
                }
            case .updating:
                try await finishUpdate(of: stream)
            case .deleting:
                try removeResourcePolicies(of: stream)
                try records.deleteLogs(under: stream.logDirectory)
                try catalog.remove(name, incarnation: incarnation)
            }
        } catch {
            logger.error("state transition failed", metadata: ["stream": "\(name)", "error": "\(error)"])
        }
    }

    /// Ends UPDATING: drains the writers of every shard the update closes, then publishes the new shard map (or
    /// mode, or encryption) together with the ACTIVE status.
    private func finishUpdate(of stream: StreamDescriptor) async throws {
        var endOffsets: [Int: UInt64] = [:]
        if let update = stream.pendingUpdate {
            for index in stream.shardsClosed(by: update) {
                guard let shard = stream.shard(index: index), shard.isOpen else { continue }
                await gates.close(ShardWriteGates.Key(incarnation: stream.incarnation, shardIndex: index))
                endOffsets[index] = try log(of: shard, in: stream).endOffset
            }
        }
        let nowMs = WallClock.nowMs()
        try catalog.update(stream.name) { current in
            guard current.incarnation == stream.incarnation else { return }
            switch current.pendingUpdate {
            case .mode(let mode)?: current.mode = mode
            case .encryption(let keyId)?: current.encryptionKeyId = keyId
            case let update?: current.applyResharding(update, endOffsets: endOffsets, nowMs: nowMs)
            case nil: break
            }
            current.pendingUpdate = nil
            current.status = .active
            current.statusDeadlineMs = nil
        }
    }
}
