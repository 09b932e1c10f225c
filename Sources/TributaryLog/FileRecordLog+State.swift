extension FileRecordLog {
    /// Everything about a log that changes, guarded by the log's mutex.
    struct State: Sendable {
        /// Ascending by base offset; the last one is the active segment, the only one appended to.
        var segments: [Segment]
        /// Segments rolled but not yet fsynced nor given index files, oldest first.
        var sealedAwaitingSynchronization: [Segment] = []
        /// Incremented whenever a segment file is created, so the directory needs an fsync.
        var directoryChangeCount = 0
        /// The `directoryChangeCount` covered by the last directory fsync.
        var directorySynchronizedCount = 0
        var startOffset: UInt64
        /// One past the last written record.
        var nextOffset: UInt64
        var lastWrittenTimestampMs: Int64?
        /// One past the last record covered by a completed fsync.
        var synchronizedOffset: UInt64
        /// One past the last record readers may see (`endOffset`).
        var committedOffset: UInt64
        var committedTimestampMs: Int64?
        /// Suspended `waitForRecords` calls by waiter number.
        var waiters: [UInt64: RecordWaiter] = [:]
        var nextWaiterNumber: UInt64 = 0
        var isClosed = false
        /// Why an fsync failed, after which appends are refused.
        var failure: String?

        var activeSegment: Segment {
            segments[segments.count - 1]
        }

        /// Throws unless appends are allowed.
        func checkWritable() throws {
            if isClosed { throw LogError.logClosed }
            if let failure { throw LogError.logFailed(reason: failure) }
        }

        /// Makes everything written readable (`lastWrittenTimestampMs` with it) and returns the waiters to wake.
        mutating func commit(upTo offset: UInt64, timestampMs: Int64?) -> [RecordWaiter] {
            guard offset > committedOffset else { return [] }
            committedOffset = offset
            committedTimestampMs = timestampMs
            return takeWaiters { $0.offset < offset }
        }

        /// Removes and returns the waiters matching `shouldWake`.
        mutating func takeWaiters(where shouldWake: (RecordWaiter) -> Bool) -> [RecordWaiter] {
            guard !waiters.isEmpty else { return [] }
            var woken: [RecordWaiter] = []
            for (number, waiter) in waiters where shouldWake(waiter) {
                woken.append(waiter)
                waiters[number] = nil
            }
            return woken
        }

        /// Index into `segments` of the segment holding `offset` (the last one whose base is at or below it).
        func segmentNumber(containing offset: UInt64) -> Int {
            var low = 0
            var high = segments.count
            while low < high {
                let middle = (low + high) / 2
                if segments[middle].baseOffset <= offset {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return max(low - 1, 0)
        }
    }
}
