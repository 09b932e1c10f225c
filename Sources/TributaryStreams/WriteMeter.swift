import Synchronization

/// Counts what is written to each stream between two looks, for ON_DEMAND scaling.
final class WriteMeter: Sendable {
    struct Usage: Sendable, Equatable {
        var bytes = 0
        var records = 0
    }

    private let usage = Mutex<[Int64: Usage]>([:])

    func record(incarnation: Int64, bytes: Int, records: Int) {
        usage.withLock { usage in
            usage[incarnation, default: Usage()].bytes += bytes
            usage[incarnation, default: Usage()].records += records
        }
    }

    /// What was written since the previous call, and a fresh count from now.
    func take(incarnation: Int64) -> Usage {
        usage.withLock { $0.removeValue(forKey: incarnation) ?? Usage() }
    }
}
