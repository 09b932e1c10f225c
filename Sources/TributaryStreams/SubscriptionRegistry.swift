import Synchronization

/// Which consumer-and-shard pairs have a SubscribeToShard open, with AWS's rules: a new call within 5 seconds of a
/// successful one for the same pair is ResourceInUseException; a call 5 seconds or more later takes the pair over,
/// and the older subscription ends with ResourceInUseException. With limits enforced, a pair may also start at most
/// one subscription per second.
final class SubscriptionRegistry: Sendable {
    /// How long a subscription keeps its pair against newcomers (AWS: 5 seconds).
    static let takeoverAfterMs: Int64 = 5_000

    private struct Holder {
        var generation: Int
        var startedMs: Int64
    }

    private struct State {
        var holders: [String: Holder] = [:]
        var lastStartMs: [String: Int64] = [:]
        var nextGeneration = 1
    }

    private let state = Mutex(State())

    /// Claims the pair and returns the new holder's generation; nil when a subscription younger than 5 seconds
    /// holds it.
    func claim(_ key: String, nowMs: Int64) -> Int? {
        state.withLock { state in
            if let holder = state.holders[key], nowMs - holder.startedMs < Self.takeoverAfterMs { return nil }
            let generation = state.nextGeneration
            state.nextGeneration += 1
            state.holders[key] = Holder(generation: generation, startedMs: nowMs)
            return generation
        }
    }

    /// Whether `generation` still holds the pair (false once another subscription took it over).
    func holds(_ key: String, generation: Int) -> Bool {
        state.withLock { $0.holders[key]?.generation == generation }
    }

    func release(_ key: String, generation: Int) {
        state.withLock { state in
            if state.holders[key]?.generation == generation { state.holders[key] = nil }
        }
    }

    /// Records a start and tells whether the previous one was less than `intervalMs` ago.
    func startedTooSoon(_ key: String, nowMs: Int64, intervalMs: Int64) -> Bool {
        state.withLock { state in
            defer { state.lastStartMs[key] = nowMs }
            guard let last = state.lastStartMs[key] else { return false }
            return nowMs - last < intervalMs
        }
    }
}
