extension FileRecordLog {
    func waitForRecords(after offset: UInt64) async {
        let number = state.withLock { state in
            state.nextWaiterNumber += 1
            return state.nextWaiterNumber
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checking cancellation under the lock closes the race with `onCancel`: either it ran before
                // (the task is cancelled and we resume here) or it runs after and finds the stored waiter.
                let isReady = state.withLock { state in
                    if state.committedOffset > offset || state.isClosed || Task.isCancelled {
                        return true
                    }
                    state.waiters[number] = RecordWaiter(offset: offset, continuation: continuation)
                    return false
                }
                if isReady {
                    continuation.resume()
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: number) }
            waiter?.continuation.resume()
        }
    }

    /// Number of suspended `waitForRecords` calls (for tests).
    var waiterCount: Int {
        state.withLock { $0.waiters.count }
    }
}
