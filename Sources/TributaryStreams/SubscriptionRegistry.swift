import Synchronization

/// Which consumer-and-shard pairs have a SubscribeToShard open: AWS allows one at a time per pair, and (with limits
/// enforced) one new subscription per second per pair.
final class SubscriptionRegistry: Sendable {
    private struct State {
        var open: Set<String> = []
        var lastStartMs: [String: Int64] = [:]
    }

    private let state = Mutex(State())

    /// Claims the pair; false when a subscription for it is already open.
    func claim(_ key: String) -> Bool {
        state.withLock { $0.open.insert(key).inserted }
    }

    func release(_ key: String) {
        _ = state.withLock { $0.open.remove(key) }
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
