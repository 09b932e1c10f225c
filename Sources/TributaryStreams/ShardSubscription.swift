import TributaryLog
import TributaryWire

/// One SubscribeToShard in progress: hands out SubscribeToShardEvent documents, pulling records from the shard's log
/// only when the caller asks for the next event, so a slow subscriber holds back reading instead of growing memory.
///
/// Records are pushed as soon as they are committed (the log wakes waiters at commit); an idle subscription still
/// yields an event every 5 seconds; it ends after 5 minutes, or after the final event of a closed shard, which
/// carries ChildShards. The caller must call `finish()` when it stops, which frees the consumer-and-shard slot.
public actor ShardSubscription {
    let service: KinesisService
    let streamName: String
    let incarnation: Int64
    let shardIndex: Int
    let slot: String
    let generation: Int
    private var offset: UInt64
    private let deadlineMs: Int64
    private var lastEventMs: Int64 = 0
    private var isFinished = false

    static let recordsPerEventMax = 10_000
    static let bytesPerEventMax = 2 << 20
    static let waitSliceMs = 250

    init(service: KinesisService, stream: StreamDescriptor, shardIndex: Int, offset: UInt64, slot: String,
         generation: Int, nowMs: Int64) {
        self.generation = generation
        self.service = service
        self.streamName = stream.name
        self.incarnation = stream.incarnation
        self.shardIndex = shardIndex
        self.offset = offset
        self.slot = slot
        self.deadlineMs = nowMs + StreamsLimits.subscriptionLifetimeMs
        self.lastEventMs = nowMs
    }

    /// The next event, waiting for records when there are none; nil once the subscription is over.
    public func nextEvent() async throws -> Document? {
        while !isFinished {
            let nowMs = WallClock.nowMs()
            guard nowMs < deadlineMs else { finish(); return nil }
            guard service.subscriptions.holds(slot, generation: generation) else {
                isFinished = true
                throw StreamsError.resourceInUse(
                    "Another subscription for this consumer and shard took over: \(ShardDescriptor.shardId(index: shardIndex)).")
            }
            guard let stream = service.catalog.stream(named: streamName), stream.incarnation == incarnation,
                  stream.status.isServingData, let shard = stream.shard(index: shardIndex)
            else {
                finish()
                throw service.shardNotFound(ShardDescriptor.shardId(index: shardIndex), streamName)
            }
            let log = try service.log(of: shard, in: stream)
            let stopOffset = shard.endOffset ?? UInt64.max
            offset = max(offset, log.startOffset)
            let records = offset < stopOffset
                ? try log.read(from: offset, maxRecords: Self.recordsPerEventMax, maxBytes: Self.bytesPerEventMax)
                    .filter { $0.offset < stopOffset }
                : []
            if let last = records.last { offset = last.offset + 1 }
            let reachedEnd = offset >= stopOffset
            if !records.isEmpty || reachedEnd || nowMs - lastEventMs >= StreamsLimits.subscriptionHeartbeatMs {
                lastEventMs = nowMs
                let behindMs = service.millisBehind(log: log, nextOffset: offset, lastRead: records.last, nowMs: nowMs)
                service.recordReadMetrics(prefix: "SubscribeToShardEvent", records, behindMs: behindMs, stream: stream,
                                          shard: shard)
                var event: [String: Document] = [
                    "Records": .array(try records.map { try service.recordDocument($0, stream: stream, shard: shard) }),
                    "MillisBehindLatest": .integer(behindMs),
                ]
                if reachedEnd {
                    event["ChildShards"] = service.childShardsDocument(of: shard, in: stream)
                    finish()
                } else {
                    // The number of the last record delivered: AFTER_SEQUENCE_NUMBER with it resumes right here.
                    event["ContinuationSequenceNumber"] = .string(
                        SequenceNumber(incarnation: incarnation, shardIndex: shardIndex, offset: offset).description)
                }
                return .object(event)
            }
            await waitForRecords(log, sliceMs: Self.waitSliceMs)
        }
        return nil
    }

    /// Ends the subscription and frees its slot; safe to call more than once.
    public func finish() {
        guard !isFinished else { return }
        isFinished = true
        service.subscriptions.release(slot, generation: generation)
    }

    /// Waits until a record past `offset` is committed or a slice of time passes (to notice resharding and the
    /// heartbeat), whichever is first.
    private func waitForRecords(_ log: any RecordLog, sliceMs: Int) async {
        let position = offset
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await log.waitForRecords(after: position) }
            group.addTask { try? await Task.sleep(for: .milliseconds(sliceMs)) }
            await group.next()
            group.cancelAll()
        }
    }
}
