extension FragmentStream {
    /// Suspends until a fragment numbered above `number` is indexed (any fragment when nil), the stream is deleted,
    /// its media log is closed (the record store closed) or the task is cancelled.
    func waitForFragment(after number: FragmentNumber?) async {
        if state.withLock({ $0.isReady(after: number) }) { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForIndexedFragment(after: number) }
            // No offset lies above UInt64.max: this returns only when the log closes or the task is cancelled.
            group.addTask { await self.mediaLog.waitForRecords(after: UInt64.max) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Number of suspended waiters (for tests).
    var waiterCount: Int {
        state.withLock { $0.waiters.count }
    }

    private func waitForIndexedFragment(after number: FragmentNumber?) async {
        let waiterNumber = state.withLock { state in
            state.nextWaiterNumber += 1
            return state.nextWaiterNumber
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checking cancellation under the lock closes the race with `onCancel`: either it ran before (the
                // task is cancelled and we resume here) or it runs after and finds the stored waiter.
                let isReady = state.withLock { state in
                    if state.isReady(after: number) || Task.isCancelled { return true }
                    state.waiters[waiterNumber] = FragmentStreamState.Waiter(after: number, continuation: continuation)
                    return false
                }
                if isReady { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: waiterNumber) }
            waiter?.continuation.resume()
        }
    }
}
