/// The storage seam for record logs: a file implementation now (`FileRecordStore`), a PostgreSQL one later;
/// services never know which.
public protocol RecordStore: Sendable {
    /// Opens the log, creating it when absent. Repeated calls for the same id return the same instance.
    func log(_ id: LogIdentifier) throws -> any RecordLog
    /// Closes and removes the log and all its files (no error when absent).
    func deleteLog(_ id: LogIdentifier) throws
    /// Removes every log whose path starts with `prefix` (e.g. a whole stream dir) (no error when absent).
    func deleteLogs(under prefix: [String]) throws
    /// Flushes and fsyncs every open log and closes it. Called at graceful shutdown.
    func close() async throws
}
