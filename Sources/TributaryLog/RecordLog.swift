/// One append-only, totally ordered log (one Kinesis shard). Thread-safe.
///
/// It exists so services see a shard as offsets and timestamps, never as files. Offsets start at 0 and are
/// consecutive; timestamps are the append's wall clock in milliseconds, forced non-decreasing along the log.
public protocol RecordLog: AnyObject, Sendable {
    /// Appends the batch atomically as consecutive offsets. Returns only once the records are durable under the
    /// configured fsync policy (always: fsynced; interval/never: written to the file). Concurrent appends share
    /// fsyncs (group commit).
    func append(_ records: [LogRecordInput]) async throws -> AppendResult
    /// Records with offset >= `offset`, in order, at most `maxRecords`, stopping before the total key+value bytes
    /// would pass `maxBytes` (but always returning at least one record if any is available). Only committed
    /// records (see endOffset). An offset below startOffset reads from startOffset. O(log n) positioning through
    /// the sparse index, no scan from the segment start beyond one index interval.
    func read(from offset: UInt64, maxRecords: Int, maxBytes: Int) throws -> [LogRecord]
    /// The first committed offset whose timestamp >= timestampMs (endOffset if none). O(log n) via the time index.
    func firstOffset(atOrAfterTimestampMs timestampMs: Int64) throws -> UInt64
    /// Oldest retained offset.
    var startOffset: UInt64 { get }
    /// One past the last committed (readable, durable-under-policy) offset. Readers never see an uncommitted record.
    var endOffset: UInt64 { get }
    /// Timestamp of the last committed record, nil when the log is empty.
    var lastTimestampMs: Int64? { get }
    /// Retention: advances startOffset past every record with timestamp < cutoffMs and deletes whole segments that
    /// lie entirely below it (never the active segment's file). Returns the number of segments deleted.
    @discardableResult func trim(olderThanMs cutoffMs: Int64) throws -> Int
    /// Consumption: advances startOffset to `offset` (bounded by endOffset) once a reader no longer needs what lies
    /// below, deleting whole segments as `trim(olderThanMs:)` does. Returns the number of segments deleted.
    @discardableResult func trim(before offset: UInt64) throws -> Int
    /// Suspends until endOffset > offset or the task is cancelled (returns immediately if already so). Used by
    /// push consumers. Also returns when the log is closed, so a waiter never outlives its log.
    func waitForRecords(after offset: UInt64) async
}
