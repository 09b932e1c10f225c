import Foundation
import TributaryStreams

/// Reads an application's data stream through the Streams consumer interface and hands its records over in
/// arrival-time order across shards, with a watermark: the arrival time no record still to come can be earlier
/// than. Shards are read parents first, so a partition key's records keep their order across a reshard.
///
/// A shard that has been read up to its end bounds the watermark by the time of the read minus `visibilityLagMs`
/// (a record is timestamped when appended, slightly before it becomes readable). Records read but not yet released
/// stay pending; the checkpoint points at the first of them, so they are read again after a stop.
final class KinesisInputReader: InputReader {
    static let visibilityLagMs: Int64 = 1000
    static let readRecordsMax = 1000

    let kinesis: KinesisService
    let parallelism: Int
    private(set) var checkpoint: InputCheckpoint
    private var pending: [String: [ConsumedRecord]] = [:]
    private var readPositions: [String: UInt64] = [:]
    private var newestArrival: [String: Int64] = [:]
    private(set) var watermark = Int64.min

    init(kinesis: KinesisService, parallelism: Int, checkpoint: InputCheckpoint) {
        self.kinesis = kinesis
        self.parallelism = max(parallelism, 1)
        self.checkpoint = checkpoint
        self.readPositions = checkpoint.positions
    }

    /// A checkpoint at NOW (every open shard's end) or TRIM_HORIZON (every shard's start, closed ones included).
    static func start(kinesis: KinesisService, streamARN: String, at point: ShardStartingPoint) throws -> InputCheckpoint {
        let (name, incarnation) = try kinesis.consumableStream(streamARN)
        var checkpoint = InputCheckpoint(streamName: name, streamIncarnation: incarnation)
        for shard in try kinesis.consumableShards(stream: name, incarnation: incarnation) {
            if shard.isClosed, case .latest = point {
                checkpoint.endedShards.insert(shard.shardId)
                continue
            }
            checkpoint.positions[shard.shardId] = try kinesis.startingPosition(
                stream: name, incarnation: incarnation, shardId: shard.shardId, point)
        }
        return checkpoint
    }

    /// Reads what is new and releases, in arrival order, every record no later record can precede. `moved` is
    /// false when nothing new was read (the caller may then wait; the watermark still moves with the clock).
    func next() throws -> (records: [SourceRecord], moved: Bool) {
        let readStartMs = Int64(Date().timeIntervalSince1970 * 1000)
        let shards = try kinesis.consumableShards(stream: checkpoint.streamName,
                                                  incarnation: checkpoint.streamIncarnation)
        let known = Set(shards.map(\.shardId))
        var bound = Int64.max
        var readSomething = false
        for shard in shards where !checkpoint.endedShards.contains(shard.shardId) {
            let waiting = shard.parentShardIds.contains { known.contains($0) && !checkpoint.endedShards.contains($0) }
            if waiting { continue }
            let position = try readPositions[shard.shardId] ?? kinesis.startingPosition(
                stream: checkpoint.streamName, incarnation: checkpoint.streamIncarnation, shardId: shard.shardId,
                .trimHorizon)
            if checkpoint.positions[shard.shardId] == nil { checkpoint.positions[shard.shardId] = position }
            var shardBound = newestArrival[shard.shardId] ?? .min
            if (pending[shard.shardId]?.count ?? 0) < Self.readRecordsMax {
                let result = try kinesis.readShard(stream: checkpoint.streamName,
                                                   incarnation: checkpoint.streamIncarnation, shardId: shard.shardId,
                                                   from: position, maxRecords: Self.readRecordsMax)
                readPositions[shard.shardId] = result.nextPosition
                if let last = result.records.last {
                    readSomething = true
                    pending[shard.shardId, default: []].append(contentsOf: result.records)
                    newestArrival[shard.shardId] = max(newestArrival[shard.shardId] ?? .min, last.arrivalMs)
                    shardBound = newestArrival[shard.shardId]!
                } else if result.isShardEnded {
                    if pending[shard.shardId]?.isEmpty ?? true {
                        checkpoint.endedShards.insert(shard.shardId)
                        checkpoint.positions.removeValue(forKey: shard.shardId)
                        readSomething = true
                    }
                    shardBound = .max
                } else {
                    // Caught up: what comes next was appended after this read began, give or take the lag.
                    shardBound = max(shardBound, readStartMs - Self.visibilityLagMs)
                }
            }
            bound = min(bound, shardBound)
        }
        if bound == .max { bound = readStartMs - Self.visibilityLagMs }
        var released: [(record: ConsumedRecord, shard: String)] = []
        for (shardId, records) in pending {
            let ready = records.prefix { $0.arrivalMs <= bound }
            guard !ready.isEmpty else { continue }
            released.append(contentsOf: ready.map { ($0, shardId) })
            let rest = records.dropFirst(ready.count)
            pending[shardId] = Array(rest)
            checkpoint.positions[shardId] = rest.first?.position ?? readPositions[shardId]
        }
        for (shardId, position) in readPositions
        where (pending[shardId]?.isEmpty ?? true) && !checkpoint.endedShards.contains(shardId) {
            checkpoint.positions[shardId] = position
        }
        released.sort { ($0.record.arrivalMs, $0.shard, $0.record.position) < ($1.record.arrivalMs, $1.shard, $1.record.position) }
        let moved = readSomething
        watermark = max(watermark, bound)
        return (records: released.map { entry in
            SourceRecord(data: entry.record.data, arrivalMs: entry.record.arrivalMs,
                         streamIndex: Self.streamIndex(of: entry.shard, parallelism: parallelism),
                         kinesis: SourceRecord.KinesisOrigin(shardId: entry.shard,
                                                             partitionKey: entry.record.partitionKey,
                                                             sequenceNumber: entry.record.sequenceNumber))
        }, moved: moved)
    }

    func committed() throws {}

    /// Which in-application input stream a shard feeds: shards are spread over them by their number.
    static func streamIndex(of shardId: String, parallelism: Int) -> Int {
        let digits = shardId.split(separator: "-").last.flatMap { Int($0) } ?? 0
        return digits % max(parallelism, 1)
    }
}
