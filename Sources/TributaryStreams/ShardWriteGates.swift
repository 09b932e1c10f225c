import Synchronization

/// Lets resharding close a shard to writers without losing a record.
///
/// A writer enters the shard's gate before appending and leaves after the append is durable. Closing the gate
/// refuses new writers (they re-read the stream and route to the children) and waits until the writers already
/// inside have left, so the shard's end offset read afterwards covers every acknowledged record.
/// Isolation: one lock over all gates; waiters are resumed outside it.
final class ShardWriteGates: Sendable {
    struct Key: Hashable, Sendable {
        var incarnation: Int64
        var shardIndex: Int
    }

    private struct Gate {
        var writersInside = 0
        var isClosed = false
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let gates = Mutex<[Key: Gate]>([:])

    /// Enters the gate; false when the shard is closing or closed and the writer must route again.
    func enter(_ key: Key) -> Bool {
        gates.withLock { gates in
            if gates[key]?.isClosed == true { return false }
            gates[key, default: Gate()].writersInside += 1
            return true
        }
    }

    func leave(_ key: Key) {
        let waiters: [CheckedContinuation<Void, Never>] = gates.withLock { gates in
            guard var gate = gates[key] else { return [] }
            gate.writersInside -= 1
            precondition(gate.writersInside >= 0, "a writer left a gate it never entered")
            var ready: [CheckedContinuation<Void, Never>] = []
            if gate.isClosed, gate.writersInside == 0 {
                ready = gate.drainWaiters
                gate.drainWaiters = []
            }
            gates[key] = gate
            return ready
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Closes the gate and returns once no writer is inside.
    func close(_ key: Key) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let drained: Bool = gates.withLock { gates in
                var gate = gates[key, default: Gate()]
                gate.isClosed = true
                if gate.writersInside == 0 {
                    gates[key] = gate
                    return true
                }
                gate.drainWaiters.append(continuation)
                gates[key] = gate
                return false
            }
            if drained { continuation.resume() }
        }
    }
}
