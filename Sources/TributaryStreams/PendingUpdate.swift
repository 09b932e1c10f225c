/// The change an UPDATING stream is going through; it takes effect when the state delay ends (or at the next start,
/// if the server stopped meanwhile), so clients see AWS's ACTIVE → UPDATING → ACTIVE sequence.
public enum PendingUpdate: Codable, Sendable, Equatable {
    /// SplitShard: the shard's range is cut at `startingHashKey` (decimal) into two children.
    case split(shard: Int, startingHashKey: String)
    /// MergeShards: two adjacent open shards become one child.
    case merge(shard: Int, adjacent: Int)
    /// UpdateShardCount UNIFORM_SCALING: splits and merges until `target` shards split the key space evenly.
    case uniformScaling(target: Int)
    /// UpdateStreamMode.
    case mode(StreamMode)
    /// StartStreamEncryption (a key id) or StopStreamEncryption (nil).
    case encryption(keyId: String?)
}
