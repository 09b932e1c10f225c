extension FileRecordLog {
    /// Makes everything written so far durable: fsyncs rolled segments (then writes their index files), the
    /// active segment, and the directory when segments were created; under `.always` it then commits.
    ///
    /// Called only on the committer's queue, so two passes never overlap for one log. Does nothing for a closed
    /// or failed log. A failed fsync marks the log failed: the kernel may have dropped the dirty pages, so a
    /// later fsync succeeding would prove nothing.
    func synchronize() throws {
        let plan = state.withLock { state -> SynchronizationPlan? in
            guard !state.isClosed, state.failure == nil else { return nil }
            return state.synchronizationPlan()
        }
        if let plan {
            try execute(plan)
        }
    }

    /// Closes the log at store shutdown: no appends from now on, waiters woken, everything written fsynced and
    /// committed, and the active segment's index files written like a sealed segment's.
    func close() throws {
        let (plan, waiters) = state.withLock { state in
            state.isClosed = true
            let waiters = state.takeWaiters { _ in true }
            return (state.failure == nil ? state.synchronizationPlan() : nil, waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume()
        }
        if let plan {
            try execute(plan)
        }
        let active = state.withLock { $0.activeSegment }
        try active.writeIndexFiles(directory: directory)
    }

    /// Closes the log because its files are about to be deleted: no fsync, waiters woken, appends refused.
    func closeForDeletion() {
        let waiters = state.withLock { state in
            state.isClosed = true
            return state.takeWaiters { _ in true }
        }
        for waiter in waiters {
            waiter.continuation.resume()
        }
    }

    private func execute(_ plan: SynchronizationPlan) throws {
        do {
            for segment in plan.sealedSegments {
                try committer.synchronize(segment.file)
            }
            try committer.synchronize(plan.activeFile)
            if plan.directoryChangeCount != nil {
                try FileSystem.synchronizeDirectory(directory)
            }
        } catch {
            state.withLock { $0.failure = "\(error)" }
            throw error
        }
        for segment in plan.sealedSegments {
            // Index files are rebuildable: if writing them fails, the next open rebuilds them by scanning.
            try? segment.writeIndexFiles(directory: directory)
        }
        let commitsOnSynchronization = configuration.fsync.isCommitAfterSynchronization
        let waiters = state.withLock { state in
            state.sealedAwaitingSynchronization.removeFirst(plan.sealedSegments.count)
            if let directoryChangeCount = plan.directoryChangeCount {
                state.directorySynchronizedCount = max(state.directorySynchronizedCount, directoryChangeCount)
            }
            state.synchronizedOffset = max(state.synchronizedOffset, plan.writtenOffset)
            guard commitsOnSynchronization else { return [RecordWaiter]() }
            return state.commit(upTo: plan.writtenOffset, timestampMs: plan.writtenTimestampMs)
        }
        for waiter in waiters {
            waiter.continuation.resume()
        }
    }
}

extension FileRecordLog.State {
    /// The fsync pass needed now, or nil when everything written is already durable.
    func synchronizationPlan() -> SynchronizationPlan? {
        let isDirectoryDirty = directoryChangeCount > directorySynchronizedCount
        guard synchronizedOffset < nextOffset || !sealedAwaitingSynchronization.isEmpty || isDirectoryDirty else {
            return nil
        }
        return SynchronizationPlan(
            sealedSegments: sealedAwaitingSynchronization, activeFile: activeSegment.file,
            writtenOffset: nextOffset, writtenTimestampMs: lastWrittenTimestampMs,
            directoryChangeCount: isDirectoryDirty ? directoryChangeCount : nil)
    }
}
