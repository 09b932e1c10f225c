import NIOCore
import Synchronization

/// Counts the server's open connections and turns away those past `connectionsMax`.
///
/// A turned-away connection is closed at once, before any byte is read or any TLS handshake starts, so an
/// attacker opening thousands of sockets costs the server one accept and one close each. Each admitted
/// connection gives its place back when it closes, whatever closed it.
/// Isolation: shared by every event loop of the server; the count is one atomic integer.
final class ConnectionLimitCounter: Sendable {
    let connectionsMax: Int
    private let open = Atomic<Int>(0)

    init(connectionsMax: Int) {
        precondition(connectionsMax > 0, "connectionsMax must be positive")
        self.connectionsMax = connectionsMax
    }

    /// Connections admitted and not yet closed.
    var openCount: Int { open.load(ordering: .relaxed) }

    /// Takes a place for `channel` and returns true, or returns false when all places are taken (the caller
    /// closes the channel).
    func admit(_ channel: any Channel) -> Bool {
        guard take() else { return false }
        channel.closeFuture.whenComplete { _ in self.release() }
        return true
    }

    /// Takes a place if one is free.
    func take() -> Bool {
        let count = open.wrappingAdd(1, ordering: .relaxed).newValue
        if count > connectionsMax {
            open.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Gives back a place taken by `take()`.
    func release() {
        let count = open.wrappingSubtract(1, ordering: .relaxed).newValue
        assert(count >= 0, "a connection place was released twice")
    }
}
