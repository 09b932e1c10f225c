import Dispatch
import Synchronization

/// Runs every `fsync` of a store's logs on one dedicated serial queue and batches them (group commit).
///
/// It exists because `fsync` blocks for milliseconds and Swift's cooperative pool has only as many threads as
/// cores: blocking it would stall every service. Appends under `.always` write to the page cache, then suspend in
/// `waitUntilDurable`; the queue wakes, takes *all* logs with waiting appends at once and fsyncs each one once.
/// Every append written before a log's fsync started is covered by it and resumed after it, so N concurrent
/// appends to a log cost one or two fsyncs instead of N. Logs of one batch are fsynced in parallel.
///
/// The same queue runs the periodic fsync of `.interval`, background fsyncs of rolled segments, and the final
/// fsync at close, so fsyncs of one log never overlap.
final class GroupCommitter: Sendable {
    private let queue = DispatchQueue(label: "tributary.log.group-committer", qos: .userInitiated)
    private let state = Mutex(CommitterState())
    private let fsyncCounter = Atomic<Int>(0)

    init() {}

    /// Number of segment-file fsyncs so far (for tests and metrics).
    var fsyncCount: Int {
        fsyncCounter.load(ordering: .relaxed)
    }

    /// Number of appends waiting for an fsync (for tests and metrics).
    var waitingAppendCount: Int {
        state.withLock { state in state.pending.values.reduce(0) { $0 + $1.waiters.count } }
    }

    /// fsyncs a segment file, counted.
    func synchronize(_ file: OpenFile) throws {
        fsyncCounter.add(1, ordering: .relaxed)
        try file.synchronize()
    }

    /// Suspends until an fsync covering everything written to `log` up to `offset` has completed.
    func waitUntilDurable(_ log: FileRecordLog, offset: UInt64) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            enqueue(log, waiter: DurabilityWaiter(offset: offset, continuation: continuation))
        }
    }

    /// Asks for a background fsync pass of `log` (after a segment roll under `.interval` or `.never`).
    func requestSynchronization(of log: FileRecordLog) {
        enqueue(log, waiter: nil)
    }

    /// Runs `work` on the committer's queue, after every fsync pass already requested.
    func perform<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// Starts fsyncing the logs returned by `logs` every `intervalMilliseconds`, until `stopPeriodicSynchronization`.
    func startPeriodicSynchronization(intervalMilliseconds: Int, logs: @escaping @Sendable () -> [FileRecordLog]) {
        let generation = state.withLock { state in
            state.periodicGeneration += 1
            return state.periodicGeneration
        }
        schedulePeriodic(generation: generation, intervalMilliseconds: intervalMilliseconds, logs: logs)
    }

    func stopPeriodicSynchronization() {
        state.withLock { $0.periodicGeneration += 1 }
    }

    /// Test hook: blocks the queue until `semaphore` is signalled, so appends pile up behind it.
    func holdQueue(until semaphore: DispatchSemaphore) {
        queue.async { semaphore.wait() }
    }

    private func schedulePeriodic(
        generation: Int, intervalMilliseconds: Int, logs: @escaping @Sendable () -> [FileRecordLog]
    ) {
        queue.asyncAfter(deadline: .now() + .milliseconds(intervalMilliseconds)) { [weak self] in
            guard let self, self.state.withLock({ $0.periodicGeneration == generation }) else { return }
            for log in logs() {
                // A failure marks that log failed (appends then throw); the others go on.
                try? log.synchronize()
            }
            self.schedulePeriodic(generation: generation, intervalMilliseconds: intervalMilliseconds, logs: logs)
        }
    }

    private func enqueue(_ log: FileRecordLog, waiter: DurabilityWaiter?) {
        let shouldSchedule = state.withLock { state in
            let key = ObjectIdentifier(log)
            var pending = state.pending[key] ?? PendingSynchronization(log: log)
            if let waiter {
                pending.waiters.append(waiter)
            }
            state.pending[key] = pending
            if state.isDrainScheduled { return false }
            state.isDrainScheduled = true
            return true
        }
        if shouldSchedule {
            queue.async { self.drain() }
        }
    }

    /// Takes every pending log, fsyncs each once, resumes its waiters; repeats until nothing is pending.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [PendingSynchronization] in
                if state.pending.isEmpty {
                    state.isDrainScheduled = false
                    return []
                }
                let batch = Array(state.pending.values)
                state.pending.removeAll(keepingCapacity: true)
                return batch
            }
            if batch.isEmpty { return }
            if batch.count == 1 {
                complete(batch[0])
            } else {
                DispatchQueue.concurrentPerform(iterations: batch.count) { complete(batch[$0]) }
            }
        }
    }

    private func complete(_ pending: PendingSynchronization) {
        var failure: (any Error)?
        do {
            try pending.log.synchronize()
        } catch {
            failure = error
        }
        let endOffset = pending.log.endOffset
        for waiter in pending.waiters {
            if endOffset >= waiter.offset {
                waiter.continuation.resume()
            } else {
                waiter.continuation.resume(throwing: failure ?? LogError.logClosed)
            }
        }
    }
}
