/// One shard as an in-process consumer sees it: enough lineage to read parents before children, as the KCL does.
///
/// It exists so that Firehose and Analytics read data streams through a typed interface that hides descriptors,
/// logs and iterators, the same way any outside consumer only sees what ListShards tells it.
public struct ConsumableShard: Sendable, Equatable {
    public let shardId: String
    /// Zero, one (split) or two (merge) parents.
    public let parentShardIds: [String]
    /// A closed shard takes no more writes; once read to its end, its children may be read.
    public let isClosed: Bool
}
