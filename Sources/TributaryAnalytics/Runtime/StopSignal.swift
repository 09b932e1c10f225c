import Synchronization

/// Asks a running application to stop at the end of its current round, so the records it read are delivered and
/// checkpointed before it ends (cancelling the task instead could abandon a round half delivered).
final class StopSignal: Sendable {
    private let requested = Mutex(false)

    var isRequested: Bool { requested.withLock { $0 } }

    func request() {
        requested.withLock { $0 = true }
    }
}
