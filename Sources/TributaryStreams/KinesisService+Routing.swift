import TributaryLog
import TributaryWire

/// Appending routed records: each record goes to the open shard owning its hash key, each shard's records as one
/// batch, all shards at once. A shard that resharding is closing refuses its writers; they read the new shard map
/// and route again, so no acknowledged record lands after a parent's end.
extension KinesisService {
    typealias RoutedResult = Result<(ShardDescriptor, UInt64), StreamsError>

    /// Appends `records` to the stream and gives each its shard and offset in request order, together with the
    /// stream as it was when they were written.
    func appendRouted(_ records: [PendingRecord], streamName: String) async throws -> (StreamDescriptor, [RoutedResult]) {
        var results = [RoutedResult?](repeating: nil, count: records.count)
        var pending = Array(records.indices)
        var stream = try servingStream(streamName)
        var attempt = 0
        while !pending.isEmpty, attempt < StreamsLimits.routingAttemptsMax {
            defer { attempt += 1 }
            if attempt > 0 {
                try? await Task.sleep(for: .milliseconds(2))
                stream = try servingStream(streamName)
            }
            var positionsByShard: [Int: [Int]] = [:]
            for position in pending {
                guard let shard = stream.openShard(for: records[position].hashKey) else { continue }
                positionsByShard[shard.index, default: []].append(position)
            }
            let snapshot = stream
            // One shard (every PutRecord, many small PutRecords) needs no child task.
            let outcomes: [(Int, RoutedOutcome)]
            if positionsByShard.count == 1, let (shardIndex, positions) = positionsByShard.first {
                outcomes = [(shardIndex, await appendToShard(shardIndex, records: positions.map { records[$0] },
                                                             stream: snapshot))]
            } else {
                outcomes = await withTaskGroup(of: (Int, RoutedOutcome).self) { group in
                    for (shardIndex, positions) in positionsByShard {
                        group.addTask { [self] in
                            (shardIndex, await appendToShard(shardIndex, records: positions.map { records[$0] },
                                                             stream: snapshot))
                        }
                    }
                    var collected: [(Int, RoutedOutcome)] = []
                    for await outcome in group { collected.append(outcome) }
                    return collected
                }
            }
            pending = []
            for (shardIndex, outcome) in outcomes {
                let positions = positionsByShard[shardIndex]!
                switch outcome {
                case .closed:
                    pending.append(contentsOf: positions)
                case .failed(let error):
                    for position in positions { results[position] = .failure(error) }
                case .appended(let shard, let firstOffset, let count):
                    for (rank, position) in positions.enumerated() {
                        results[position] = rank < count
                            ? .success((shard, firstOffset + UInt64(rank)))
                            : .failure(throttled(shard, stream: snapshot))
                    }
                }
            }
            pending.sort()
        }
        let unrouted = StreamsError.internalFailure("Internal service failure.")
        return (stream, results.map { $0 ?? .failure(unrouted) })
    }

    func throttled(_ shard: ShardDescriptor, stream: StreamDescriptor) -> StreamsError {
        .provisionedThroughputExceeded(
            "Rate exceeded for shard \(shard.shardId) in stream \(stream.name) under account \(configuration.accountId).")
    }

    enum RoutedOutcome: Sendable {
        /// The first `count` records were appended; the rest exceeded the shard's write quota.
        case appended(ShardDescriptor, firstOffset: UInt64, count: Int)
        case closed
        case failed(StreamsError)
    }

    private func appendToShard(_ shardIndex: Int, records: [PendingRecord], stream: StreamDescriptor) async -> RoutedOutcome {
        guard let shard = stream.shard(index: shardIndex) else { return .closed }
        let key = ShardWriteGates.Key(incarnation: stream.incarnation, shardIndex: shardIndex)
        guard gates.enter(key) else { return .closed }
        defer { gates.leave(key) }
        var admitted = records[...]
        if configuration.enforceLimits {
            let count = limiter.admitWrites(
                ThroughputLimiter.Key(incarnation: stream.incarnation, shardIndex: shardIndex),
                recordBytes: records.map { $0.data.count + $0.partitionKey.utf8.count }, nowMs: WallClock.nowMs())
            admitted = records.prefix(count)
        }
        guard !admitted.isEmpty else { return .appended(shard, firstOffset: 0, count: 0) }
        do {
            let inputs = try admitted.map { try logInput($0, stream: stream) }
            let appended = try await log(of: shard, in: stream).append(inputs)
            recordWrite(stream: stream, shardIndex: shardIndex, records: Array(admitted))
            metrics.count("IncomingRecords", admitted.count, stream: stream, shard: shard)
            metrics.count("IncomingBytes", admitted.reduce(0) { $0 + $1.data.count }, stream: stream, shard: shard)
            metrics.count("WriteProvisionedThroughputExceeded", records.count - admitted.count, stream: stream, shard: shard)
            return .appended(shard, firstOffset: appended.firstOffset, count: admitted.count)
        } catch let error as StreamsError {
            return .failed(error)
        } catch {
            logger.error("append failed", metadata: ["stream": "\(stream.name)", "error": "\(error)"])
            return .failed(.internalFailure("Internal service failure."))
        }
    }
}
