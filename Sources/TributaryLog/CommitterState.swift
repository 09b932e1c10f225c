/// The mutable state of a `GroupCommitter`, guarded by its mutex.
struct CommitterState: Sendable {
    /// Logs with a requested fsync pass, by log identity.
    var pending: [ObjectIdentifier: PendingSynchronization] = [:]
    /// Whether a drain is queued or running; a new request then needs no new drain.
    var isDrainScheduled = false
    /// Bumped to start or stop the periodic fsync: a tick of an older generation ends its loop.
    var periodicGeneration = 0
}
