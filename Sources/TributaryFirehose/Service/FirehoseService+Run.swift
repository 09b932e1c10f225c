/// The long-running part of Firehose: finishes lifecycle transitions and keeps one delivery worker (and, for a data
/// stream source, one source reader) running per ACTIVE delivery stream, until the task is cancelled.
extension FirehoseService {
    /// How often transitions and workers are reconciled.
    static let reconcileIntervalMs = 100

    public func run() async {
        while !Task.isCancelled {
            let active = advanceTransitions(nowMs: FirehoseClock.nowMs())
            let activeKeys = Set(active.map(\.checkpointKey))
            for key in runtime.runningKeys.subtracting(activeKeys) { runtime.stop(key) }
            for stream in active {
                runtime.ensureRunning(stream.checkpointKey) {
                    var tasks = [Task { await DeliveryWorker(service: self, name: stream.name,
                                                             incarnation: stream.incarnation).run() }]
                    if stream.kinesisSource != nil {
                        tasks.append(Task { await SourceReader(service: self, name: stream.name,
                                                               incarnation: stream.incarnation).run() })
                    }
                    return tasks
                }
            }
            try? await Task.sleep(for: .milliseconds(Self.reconcileIntervalMs))
        }
        runtime.stopAll()
    }
}
