/// Which shards ListShards returns, as its ShardFilter types define them.
///
/// A shard's lifetime runs from `createdAtMs` to `closedAtMs` (open: no end); it has expired once it closed more than
/// a retention period ago, since then none of its records remain.
enum ShardFilter: Equatable {
    case afterShardId(Int)
    case atTrimHorizon
    case fromTrimHorizon
    case atLatest
    case atTimestamp(Int64)
    case fromTimestamp(Int64)

    func selects(_ shard: ShardDescriptor, in stream: StreamDescriptor, nowMs: Int64) -> Bool {
        let horizonMs = nowMs - Int64(stream.retentionHours) * 3_600_000
        func expired(_ candidate: ShardDescriptor) -> Bool { (candidate.closedAtMs ?? Int64.max) < horizonMs }
        switch self {
        case .afterShardId(let index):
            return shard.index > index
        case .atLatest:
            return shard.isOpen
        case .fromTrimHorizon:
            return !expired(shard)
        case .atTrimHorizon:
            guard !expired(shard) else { return false }
            let parents = [shard.parentIndex, shard.adjacentParentIndex].compactMap { $0 }.compactMap(stream.shard(index:))
            return parents.allSatisfy(expired)
        case .atTimestamp(let timestampMs):
            let startedBy = shard.parentIndex == nil || shard.createdAtMs <= timestampMs
            return startedBy && (shard.closedAtMs ?? Int64.max) > timestampMs
        case .fromTimestamp(let timestampMs):
            return (shard.closedAtMs ?? Int64.max) > timestampMs
        }
    }

    /// Compact text kept inside a NextToken so that later pages keep the filter.
    var tokenText: String {
        switch self {
        case .afterShardId(let index): "A\(index)"
        case .atTrimHorizon: "T"
        case .fromTrimHorizon: "F"
        case .atLatest: "L"
        case .atTimestamp(let ms): "t\(ms)"
        case .fromTimestamp(let ms): "f\(ms)"
        }
    }

    init?(tokenText text: String) {
        guard let first = text.first else { return nil }
        let rest = Int64(text.dropFirst())
        switch first {
        case "A": guard let rest else { return nil }; self = .afterShardId(Int(rest))
        case "T": self = .atTrimHorizon
        case "F": self = .fromTrimHorizon
        case "L": self = .atLatest
        case "t": guard let rest else { return nil }; self = .atTimestamp(rest)
        case "f": guard let rest else { return nil }; self = .fromTimestamp(rest)
        default: return nil
        }
    }
}
