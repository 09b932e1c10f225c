import Synchronization

/// A first-come, first-served lock held across suspension points, which `Mutex` cannot be.
///
/// It exists so a stream's appends run one at a time from the media append to the index append: the index log
/// must receive entries in number order. Waiting is not cancellable; the holder releases it within one append
/// (two fsyncs). Callers are bounded by the stream's writers (AWS allows one PutMedia connection per stream).
final class AsyncSerialLock: Sendable {
    private struct State {
        var isHeld = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isAcquired = state.withLock { state in
                guard state.isHeld else {
                    state.isHeld = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if isAcquired { continuation.resume() }
        }
    }

    /// Hands the lock to the longest waiter, or frees it.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            precondition(state.isHeld, "released a lock that is not held")
            guard !state.waiters.isEmpty else {
                state.isHeld = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
