import Synchronization

/// The `InAppStreamTap` of every in-application stream of the applications the runtime started, by application
/// and stream name (as the engine stores it).
///
/// A tap outlives the run that fed it: UpdateApplication stops and starts the application, a failed loop is
/// started again, and a watcher goes on with the same numbering and without missing the rows of the new run.
/// DeleteApplication drops them. Safe to share: one lock over the table.
final class InAppStreamTaps: Sendable {
    private let taps = Mutex<[String: [String: InAppStreamTap]]>([:])
    private let nowMs: @Sendable () -> Int64

    init(nowMs: @escaping @Sendable () -> Int64 = AnalyticsClock.nowMs) {
        self.nowMs = nowMs
    }

    /// The taps for the application's streams as its code compiles now (name → columns after ROWTIME): a stream
    /// that was there keeps its tap (emptied if its columns changed), a new one gets one, and the taps of streams
    /// the code no longer has are dropped.
    func attach(application: String, streams: [String: [ColumnDescription]]) -> [String: InAppStreamTap] {
        let nowMs = self.nowMs
        return taps.withLock { taps in
            let previous = taps[application] ?? [:]
            var current: [String: InAppStreamTap] = [:]
            for (name, columns) in streams {
                if let tap = previous[name] {
                    tap.use(columns: columns)
                    current[name] = tap
                } else {
                    current[name] = InAppStreamTap(columns: columns, nowMs: nowMs)
                }
            }
            taps[application] = current
            return current
        }
    }

    /// The tap of one stream of a started application; nil when the application was not started or its code has
    /// no such stream.
    func tap(application: String, stream: String) -> InAppStreamTap? {
        taps.withLock { $0[application]?[stream] }
    }

    /// Forgets the application's taps (DeleteApplication).
    func remove(application: String) {
        _ = taps.withLock { $0.removeValue(forKey: application) }
    }
}
