/// Resharding as pure changes of the shard map: splitting and merging close their parents and append children.
/// The caller supplies the end offset of every parent that held records; shards created and closed within one
/// operation (the intermediate shards of uniform scaling, as AWS also makes) end at offset 0.
extension StreamDescriptor {
    var nextShardIndex: Int { (shards.map(\.index).max() ?? -1) + 1 }

    /// The open shards a pending update will close, so their writers can be drained first.
    func shardsClosed(by update: PendingUpdate) -> [Int] {
        switch update {
        case .split(let shard, _): return [shard]
        case .merge(let shard, let adjacent): return [shard, adjacent]
        case .uniformScaling(let target):
            let targets = HashKeyRange.evenSplit(count: target)
            return openShards.filter { !targets.contains($0.hashKeyRange) }.map(\.index)
        case .mode, .encryption: return []
        }
    }

    /// Applies a resharding update. `endOffsets` holds the final end offset of each shard `shardsClosed(by:)` named.
    mutating func applyResharding(_ update: PendingUpdate, endOffsets: [Int: UInt64], nowMs: Int64) {
        switch update {
        case .split(let shard, let key):
            guard let hashKey = HashKey.parse(decimal: key) else { return }
            split(shard, at: hashKey, endOffsets: endOffsets, nowMs: nowMs)
        case .merge(let shard, let adjacent):
            merge(shard, adjacent, endOffsets: endOffsets, nowMs: nowMs)
        case .uniformScaling(let target):
            scaleUniformly(to: target, endOffsets: endOffsets, nowMs: nowMs)
        case .mode, .encryption:
            return
        }
    }

    @discardableResult
    private mutating func split(_ index: Int, at hashKey: UInt128, endOffsets: [Int: UInt64], nowMs: Int64) -> (Int, Int) {
        let parent = close(index, endOffsets: endOffsets, nowMs: nowMs)
        let left = nextShardIndex
        shards.append(ShardDescriptor(index: left, hashKeyRange: HashKeyRange(start: parent.start, end: hashKey - 1),
                                      createdAtMs: nowMs, parentIndex: index))
        shards.append(ShardDescriptor(index: left + 1, hashKeyRange: HashKeyRange(start: hashKey, end: parent.end),
                                      createdAtMs: nowMs, parentIndex: index))
        return (left, left + 1)
    }

    @discardableResult
    private mutating func merge(_ index: Int, _ adjacent: Int, endOffsets: [Int: UInt64], nowMs: Int64) -> Int {
        let first = close(index, endOffsets: endOffsets, nowMs: nowMs)
        let second = close(adjacent, endOffsets: endOffsets, nowMs: nowMs)
        let child = nextShardIndex
        shards.append(ShardDescriptor(
            index: child, hashKeyRange: HashKeyRange(start: min(first.start, second.start), end: max(first.end, second.end)),
            createdAtMs: nowMs, parentIndex: index, adjacentParentIndex: adjacent))
        return child
    }

    /// Splits every open shard at each new boundary inside it, then merges the pieces of each new range, so every
    /// child has at most two parents and a reader that finishes parents before children keeps per-key order.
    private mutating func scaleUniformly(to target: Int, endOffsets: [Int: UInt64], nowMs: Int64) {
        let targets = HashKeyRange.evenSplit(count: target)
        var pieces: [Int] = []
        for shard in openShards.sorted(by: { $0.hashKeyRange.start < $1.hashKeyRange.start }) {
            if targets.contains(shard.hashKeyRange) {
                continue
            }
            var current = shard.index
            let cuts = targets.map(\.start).filter { $0 > shard.hashKeyRange.start && $0 <= shard.hashKeyRange.end }
            for cut in cuts {
                let (left, right) = split(current, at: cut, endOffsets: endOffsets, nowMs: nowMs)
                pieces.append(left)
                current = right
            }
            pieces.append(current)
        }
        for range in targets {
            let members = pieces.compactMap { shard(index: $0) }
                .filter { $0.hashKeyRange.start >= range.start && $0.hashKeyRange.end <= range.end }
                .sorted { $0.hashKeyRange.start < $1.hashKeyRange.start }
            guard var current = members.first?.index else { continue }
            for next in members.dropFirst() {
                current = merge(current, next.index, endOffsets: endOffsets, nowMs: nowMs)
            }
        }
    }

    /// Closes a shard and returns its range.
    private mutating func close(_ index: Int, endOffsets: [Int: UInt64], nowMs: Int64) -> HashKeyRange {
        guard let position = shards.firstIndex(where: { $0.index == index }) else {
            preconditionFailure("resharding names shard \(index), which the stream does not have")
        }
        shards[position].endOffset = endOffsets[index] ?? 0
        shards[position].closedAtMs = nowMs
        return shards[position].hashKeyRange
    }
}
