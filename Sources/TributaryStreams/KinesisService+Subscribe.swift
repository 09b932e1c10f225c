import TributaryWire

/// SubscribeToShard: validates the call and opens a `ShardSubscription`; the gateway streams its events.
extension KinesisService {
    public func subscribeToShard(_ request: Document) throws -> ShardSubscription {
        var validation = Validation()
        let consumerARN = validation.required(try request.string("ConsumerARN"), at: "consumerARN")
        validation.length(consumerARN, at: "consumerARN", min: 1, max: 2048)
        validation.pattern(consumerARN, at: "consumerARN", pattern: Self.consumerARNPattern)
        let shardId = try shardIdMember(request, "ShardId", at: "shardId", required: true, &validation)
        let position = validation.required(try request.object("StartingPosition"), at: "startingPosition")
        let type = try position?.string("Type")
        if position != nil { _ = validation.required(type, at: "startingPosition.type") }
        validation.oneOf(type, at: "startingPosition.type", allowed: Self.iteratorTypes)
        let sequence = try position?.string("SequenceNumber")
        validation.pattern(sequence, at: "startingPosition.sequenceNumber", pattern: Self.sequenceNumberPattern)
        let timestamp = try position?.timestamp("Timestamp")
        try validation.check()
        guard let consumerARN, let shardId, let type else { return try subscribeToShard(.object([:])) }

        let (stream, consumer) = try consumer(arn: consumerARN)
        guard consumer.status == .active else {
            throw StreamsError.resourceInUse(
                "Consumer \(consumerARN) is not in ACTIVE state, instead in state \(consumer.status.rawValue).")
        }
        guard stream.status.isServingData else { throw notFound(stream.name) }
        guard let index = ShardDescriptor.index(of: shardId), let shard = stream.shard(index: index) else {
            throw shardNotFound(shardId, stream.name)
        }
        let offset = try startingOffset(type: type, sequence: sequence, timestamp: timestamp, shard: shard, stream: stream)
        let slot = "\(consumerARN)|\(shard.index)"
        let nowMs = WallClock.nowMs()
        if configuration.enforceLimits, subscriptions.startedTooSoon(slot, nowMs: nowMs, intervalMs: 1_000) {
            throw StreamsError.limitExceeded(
                "Rate exceeded for consumer \(consumerARN) and shard \(shard.shardId): SubscribeToShard may be called once per second per consumer and shard.")
        }
        guard let generation = subscriptions.claim(slot, nowMs: nowMs) else {
            throw StreamsError.resourceInUse("Another active subscription exists for this consumer: \(consumerARN)")
        }
        return ShardSubscription(service: self, stream: stream, shardIndex: shard.index, offset: offset, slot: slot,
                                 generation: generation, nowMs: nowMs)
    }
}
