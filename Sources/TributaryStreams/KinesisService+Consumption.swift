import TributaryLog
import TributaryWire

/// The typed consumer interface that other modules (Firehose, Analytics) read data streams through: shard lineage,
/// positions and decrypted records, with Streams' own errors (ResourceNotFoundException...) when a stream or shard
/// is gone. Positions are log offsets of this stream incarnation, so a stream deleted and created again under the
/// same name is a different stream to the reader (`incarnation` tells them apart).
extension KinesisService {
    /// The stream's name and incarnation behind an ARN (or a plain name), or ResourceNotFoundException.
    public func consumableStream(_ nameOrARN: String) throws -> (name: String, incarnation: Int64) {
        let name = nameOrARN.hasPrefix("arn:") ? try streamName(fromARN: nameOrARN) : nameOrARN
        let stream = try servingStream(name)
        return (stream.name, stream.incarnation)
    }

    /// Every shard of the stream, closed ones included while retained, in shard-id order.
    public func consumableShards(stream name: String, incarnation: Int64) throws -> [ConsumableShard] {
        let stream = try servingIncarnation(name, incarnation)
        return stream.shards.map { shard in
            ConsumableShard(
                shardId: shard.shardId,
                parentShardIds: [shard.parentIndex, shard.adjacentParentIndex].compactMap { $0 }
                    .map { ShardDescriptor.shardId(index: $0) },
                isClosed: !shard.isOpen)
        }
    }

    /// The position a first read of the shard starts at.
    public func startingPosition(stream name: String, incarnation: Int64, shardId: String,
                                 _ point: ShardStartingPoint) throws -> UInt64 {
        let (stream, shard) = try servingShard(name, incarnation, shardId)
        let log = try log(of: shard, in: stream)
        switch point {
        case .trimHorizon: return log.startOffset
        case .latest: return min(log.endOffset, shard.endOffset ?? .max)
        case .atTimestampMs(let ms): return try log.firstOffset(atOrAfterTimestampMs: ms)
        }
    }

    /// Up to `maxRecords` records from `position` on (or from the oldest retained one when `position` has aged out).
    public func readShard(stream name: String, incarnation: Int64, shardId: String, from position: UInt64,
                          maxRecords: Int) throws -> ShardReadResult {
        let (stream, shard) = try servingShard(name, incarnation, shardId)
        let log = try log(of: shard, in: stream)
        let stopOffset = shard.endOffset ?? .max
        let found = position < stopOffset
            ? try log.read(from: position, maxRecords: maxRecords, maxBytes: StreamsLimits.getRecordsBytesMax)
                .filter { $0.offset < stopOffset }
            : []
        let records = try found.map { record in
            ConsumedRecord(
                position: record.offset,
                sequenceNumber: sequenceNumber(stream, shard, record.offset),
                partitionKey: String(decoding: record.key, as: UTF8.self),
                data: try plainData(of: record, stream: stream),
                arrivalMs: record.timestampMs)
        }
        let next = found.last.map { $0.offset + 1 } ?? max(position, log.startOffset)
        return ShardReadResult(records: records, nextPosition: next, isShardEnded: next >= stopOffset)
    }

    /// Suspends until the shard has a record at or after `position`, the shard closes, or the task is cancelled.
    public func waitForRecords(stream name: String, incarnation: Int64, shardId: String, from position: UInt64) async {
        guard let (stream, shard) = try? servingShard(name, incarnation, shardId),
              let log = try? log(of: shard, in: stream), shard.isOpen
        else { return }
        await log.waitForRecords(after: position)
    }

    private func servingIncarnation(_ name: String, _ incarnation: Int64) throws -> StreamDescriptor {
        let stream = try servingStream(name)
        guard stream.incarnation == incarnation else { throw notFound(name) }
        return stream
    }

    private func servingShard(_ name: String, _ incarnation: Int64, _ shardId: String) throws
        -> (StreamDescriptor, ShardDescriptor) {
        let stream = try servingIncarnation(name, incarnation)
        guard let index = ShardDescriptor.index(of: shardId), let shard = stream.shard(index: index) else {
            throw shardNotFound(shardId, name)
        }
        return (stream, shard)
    }
}
