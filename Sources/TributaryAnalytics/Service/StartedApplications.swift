import Synchronization

/// The application incarnations the runner has been asked to start and not yet to stop, kept in memory: after a
/// server restart none is started until `run()` starts them again.
final class StartedApplications: Sendable {
    private struct Key: Hashable {
        var name: String
        var incarnation: Int64
    }

    private let keys = Mutex<Set<Key>>([])

    func insert(_ application: ApplicationDescriptor) {
        _ = keys.withLock { $0.insert(Key(name: application.name, incarnation: application.incarnation)) }
    }

    /// Forgets the application; true when it had been started.
    func remove(_ application: ApplicationDescriptor) -> Bool {
        keys.withLock { $0.remove(Key(name: application.name, incarnation: application.incarnation)) != nil }
    }
}
