import TributaryStreams

/// Where a KinesisStreamAsSource delivery stream starts: every open shard at its LATEST position when the delivery
/// stream is created, as AWS starts; shards already closed then are behind the start.
extension FirehoseService {
    func startSourcePositions(of stream: DeliveryStreamDescriptor, source: DeliveryStreamDescriptor.KinesisSource)
        throws {
        let (name, incarnation) = try kinesis.consumableStream(source.streamARN)
        var checkpoint = SourceCheckpoint(streamName: name, streamIncarnation: incarnation, positions: [:],
                                          endedShards: [])
        for shard in try kinesis.consumableShards(stream: name, incarnation: incarnation) {
            if shard.isClosed {
                checkpoint.endedShards.insert(shard.shardId)
            } else {
                checkpoint.positions[shard.shardId] = try kinesis.startingPosition(
                    stream: name, incarnation: incarnation, shardId: shard.shardId, .latest)
            }
        }
        try SourceCheckpoints(metadata: metadata).save(stream.checkpointKey, checkpoint)
    }
}
