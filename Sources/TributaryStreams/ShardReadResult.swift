/// One read of a shard by an in-process consumer.
///
/// `nextPosition` is where the next read starts; `isShardEnded` says a closed shard has nothing more, so its
/// children can be read (the in-process form of GetRecords' ChildShards).
public struct ShardReadResult: Sendable {
    public let records: [ConsumedRecord]
    public let nextPosition: UInt64
    public let isShardEnded: Bool
}
