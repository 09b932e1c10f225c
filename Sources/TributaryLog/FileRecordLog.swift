import Synchronization

/// The file implementation of `RecordLog`: one directory of segments for one log.
///
/// Thread-safety and isolation: all mutable state sits in `state`, one `Mutex`. Appends take it for the whole
/// write (encoding plus a `pwrite` into the page cache, microseconds), so appends to one log are serialized and
/// offsets are gap-free. Reads and timestamp lookups take it only to locate a position, then `pread` outside it.
/// `fsync` never runs under the lock nor on Swift's cooperative pool: the store's `GroupCommitter` runs it on its
/// own queue and then calls back `synchronize()`.
///
/// Invariants: `startOffset <= committedOffset <= synchronizedOffset`-or-`nextOffset` (under `.always`,
/// committed == synchronized; otherwise committed == next); segments are contiguous and ascending; readers never
/// see an offset at or past `committedOffset`.
final class FileRecordLog: RecordLog {
    let identifier: LogIdentifier
    /// The log's directory.
    let directory: String
    let configuration: LogConfiguration
    let committer: GroupCommitter
    /// The wall clock in milliseconds; injectable so tests control timestamps.
    let currentTimeMs: @Sendable () -> Int64
    let state: Mutex<State>

    /// Opens the log in `directory`, creating it when absent, and recovers its last segment.
    init(
        identifier: LogIdentifier, directory: String, configuration: LogConfiguration, committer: GroupCommitter,
        currentTimeMs: @escaping @Sendable () -> Int64
    ) throws {
        self.identifier = identifier
        self.directory = directory
        self.configuration = configuration
        self.committer = committer
        self.currentTimeMs = currentTimeMs
        let recovered = try FileRecordLog.recover(
            directory: directory, configuration: configuration, committer: committer)
        self.state = Mutex(recovered)
    }

    var startOffset: UInt64 {
        state.withLock { $0.startOffset }
    }

    var endOffset: UInt64 {
        state.withLock { $0.committedOffset }
    }

    var lastTimestampMs: Int64? {
        state.withLock { $0.committedTimestampMs }
    }

    /// Number of segments, including the active one (for tests and metrics).
    var segmentCount: Int {
        state.withLock { $0.segments.count }
    }

    /// Base offsets of the segments, oldest first (for tests and metrics).
    var segmentBaseOffsets: [UInt64] {
        state.withLock { $0.segments.map(\.baseOffset) }
    }
}
