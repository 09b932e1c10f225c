/// One log's requested fsync pass and the appends waiting for it.
struct PendingSynchronization: Sendable {
    let log: FileRecordLog
    var waiters: [DurabilityWaiter] = []
}
