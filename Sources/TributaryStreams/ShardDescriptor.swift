/// One shard as the metadata store keeps it: its place in the hash-key space and its lineage.
///
/// Invariant: `index` is unique within a stream and never reused; `shardId` is derived from it.
public struct ShardDescriptor: Codable, Sendable, Equatable {
    public var index: Int
    public var hashKeyRange: HashKeyRange
    public var parentIndex: Int?
    public var adjacentParentIndex: Int?
    public var createdAtMs: Int64
    /// Set when the shard closes (resharding): the offset one past its last record, and when.
    public var endOffset: UInt64?
    public var closedAtMs: Int64?

    public init(index: Int, hashKeyRange: HashKeyRange, createdAtMs: Int64, parentIndex: Int? = nil,
                adjacentParentIndex: Int? = nil) {
        self.index = index
        self.hashKeyRange = hashKeyRange
        self.createdAtMs = createdAtMs
        self.parentIndex = parentIndex
        self.adjacentParentIndex = adjacentParentIndex
    }

    public var shardId: String { Self.shardId(index: index) }
    public var isOpen: Bool { closedAtMs == nil }

    /// `shardId-000000000007` for index 7, as AWS names shards.
    public static func shardId(index: Int) -> String {
        let digits = String(index)
        return "shardId-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// The index named by a shard id. Like AWS, accepts `shardId-000000000007` and the bare `7`/`000000000007`.
    public static func index(of shardId: String) -> Int? {
        let digits = shardId.hasPrefix("shardId-") ? String(shardId.dropFirst(8)) : shardId
        guard !digits.isEmpty, digits.count <= 12, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(digits)
    }
}
