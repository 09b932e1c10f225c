import Synchronization

/// The running tasks of delivery streams (delivery workers and source readers), by stream key, so `run()` can
/// start each once and stop it when its stream goes.
final class DeliveryRuntime: Sendable {
    private let tasks = Mutex<[String: [Task<Void, Never>]]>([:])

    /// Starts the tasks made by `make` unless the stream already has tasks running.
    func ensureRunning(_ key: String, make: () -> [Task<Void, Never>]) {
        tasks.withLock { tasks in
            guard tasks[key] == nil else { return }
            tasks[key] = make()
        }
    }

    /// Cancels the stream's tasks (they stop at their next suspension point).
    func stop(_ key: String) {
        let stopped = tasks.withLock { $0.removeValue(forKey: key) } ?? []
        for task in stopped { task.cancel() }
    }

    /// Cancels everything, at shutdown.
    func stopAll() {
        let stopped = tasks.withLock { tasks in
            defer { tasks = [:] }
            return tasks.values.flatMap { $0 }
        }
        for task in stopped { task.cancel() }
    }

    var runningKeys: Set<String> { tasks.withLock { Set($0.keys) } }
}
