import TributaryStreams

/// Reads a delivery stream's source data stream into its buffer, shard by shard, parents before children (so records
/// of one partition key keep their order across a reshard), until cancelled or the delivery stream goes.
struct SourceReader: Sendable {
    let service: FirehoseService
    let name: String
    let incarnation: Int64

    /// Pause between rounds that found nothing new.
    static let idleDelayMs = 200

    func run() async {
        let checkpoints = SourceCheckpoints(metadata: service.metadata)
        // Loaded once; afterwards this task is the only writer, so memory and disk stay equal.
        var current: SourceCheckpoint?
        while !Task.isCancelled {
            guard let stream = service.catalog.stream(named: name), stream.incarnation == incarnation,
                  stream.status == .active
            else { return }
            do {
                if current == nil { current = try checkpoints.load(stream.checkpointKey) }
                guard current != nil else { return }
                let moved = try await round(&current!, stream: stream) { try checkpoints.save(stream.checkpointKey, $0) }
                if !moved {
                    try await Task.sleep(for: .milliseconds(Self.idleDelayMs))
                }
            } catch is CancellationError {
                return
            } catch {
                service.logger.warning("reading the source stream failed",
                                       metadata: ["deliveryStream": "\(name)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// One pass over the readable shards; true when a position or an ended shard changed. Each shard's progress is
    /// saved right after its records are in the buffer, so a failure on a later shard never reads them twice.
    private func round(_ checkpoint: inout SourceCheckpoint, stream: DeliveryStreamDescriptor,
                       save: (SourceCheckpoint) throws -> Void) async throws -> Bool {
        let kinesis = service.kinesis
        let shards = try kinesis.consumableShards(stream: checkpoint.streamName,
                                                  incarnation: checkpoint.streamIncarnation)
        let known = Set(shards.map(\.shardId))
        var moved = false
        for shard in shards where !checkpoint.endedShards.contains(shard.shardId) {
            // Parents first: a child waits until every parent still retained has been read to its end.
            let waiting = shard.parentShardIds.contains { known.contains($0) && !checkpoint.endedShards.contains($0) }
            if waiting { continue }
            let position = try checkpoint.positions[shard.shardId] ?? kinesis.startingPosition(
                stream: checkpoint.streamName, incarnation: checkpoint.streamIncarnation, shardId: shard.shardId,
                .trimHorizon)
            let result = try kinesis.readShard(stream: checkpoint.streamName, incarnation: checkpoint.streamIncarnation,
                                               shardId: shard.shardId, from: position,
                                               maxRecords: FirehoseLimits.sourceReadRecordsMax)
            if !result.records.isEmpty {
                let metadata = result.records.map { record in
                    SourceRecordMetadata(shardId: shard.shardId, partitionKey: record.partitionKey,
                                         sequenceNumber: record.sequenceNumber, arrivalMs: record.arrivalMs).encoded
                }
                _ = try await service.append(result.records.map(\.data), keys: metadata, to: stream)
            }
            if result.nextPosition != checkpoint.positions[shard.shardId] {
                checkpoint.positions[shard.shardId] = result.nextPosition
                moved = true
            }
            if result.isShardEnded {
                checkpoint.endedShards.insert(shard.shardId)
                checkpoint.positions.removeValue(forKey: shard.shardId)
                moved = true
            }
            if moved { try save(checkpoint) }
        }
        return moved
    }
}
