extension FileRecordLog {
    /// The start offset lives in memory only: after a restart it is the first remaining segment's base offset
    /// until the owner's periodic retention trims again (the records in between are still valid, just old).
    @discardableResult
    func trim(olderThanMs cutoffMs: Int64) throws -> Int {
        try trim(before: try firstOffset(atOrAfterTimestampMs: cutoffMs))
    }

    /// Advances the start offset to `firstKept` (never past endOffset, never backwards) and deletes the segments
    /// that lie wholly below it.
    @discardableResult
    func trim(before firstKept: UInt64) throws -> Int {
        let removed: [Segment] = state.withLock { state in
            state.startOffset = max(state.startOffset, min(firstKept, state.committedOffset))
            var removable = 0
            // A segment goes when the next one starts at or below the start offset, so the active segment never
            // goes; one still awaiting its fsync and index files waits for the committer to finish with it.
            while removable + 1 < state.segments.count,
                  state.segments[removable + 1].baseOffset <= state.startOffset,
                  !state.sealedAwaitingSynchronization.contains(where: {
                      $0.baseOffset == state.segments[removable].baseOffset
                  }) {
                removable += 1
            }
            let removed = Array(state.segments.prefix(removable))
            state.segments.removeFirst(removable)
            return removed
        }
        for segment in removed {
            // Index files first: a crash in between leaves a segment without indexes (rebuilt at open, trimmed
            // again), never indexes without a segment.
            for path in segment.paths(directory: directory).reversed() {
                try FileSystem.removeFile(path)
            }
        }
        if !removed.isEmpty {
            try FileSystem.synchronizeDirectory(directory)
        }
        return removed.count
    }
}
