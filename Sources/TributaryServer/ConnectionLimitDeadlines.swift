import NIOCore

/// What one HTTP/1.1 connection or HTTP/2 stream is waiting for from its client, and until when: the idle,
/// request-head and request-body timeouts of `ConnectionLimits` as a value. `ConnectionLimitHandler` feeds it
/// what it sees on the channel and performs the actions it returns; it does no I/O, so it is tested alone.
///
/// | phase        | entered when                                 | deadline                                  |
/// |--------------|----------------------------------------------|-------------------------------------------|
/// | idle         | the connection opened; a response ended      | since + idleTimeout                       |
/// | readingHead  | bytes arrived while idle                     | since + requestHeadTimeout                |
/// | readingBody  | a head arrived                               | since + requestBodyTimeout (bounded body) |
/// |              |                                              | last bytes + requestBodyTimeout (streamed)|
/// | responding   | the request was read to its end              | none: the answer ends on its own          |
///
/// A response that ends before its request body was read (the gateway refused it, or PutMedia stopped reading)
/// leaves the rest of the body *abandoned*: it is discarded, not handed to the application, for at most
/// `GatewayLimits.requestBodyBytesMax` bytes and within the body deadline, after which the connection closes.
struct ConnectionLimitDeadlines {
    enum Phase: Equatable {
        case idle(since: NIODeadline)
        case readingHead(since: NIODeadline)
        case readingBody(since: NIODeadline, isStreamed: Bool, isAbandoned: Bool)
        case responding
    }

    /// What to do with a part of a request body or its end.
    enum BodyAction: Equatable {
        case deliver
        case discard
        case close
    }

    let limits: ConnectionLimits
    private(set) var phase: Phase
    /// Requests whose head arrived and whose response has not ended (more than one only when pipelined).
    private var responsesPending = 0
    private var abandonedBytes = 0
    private var isRefused = false

    init(limits: ConnectionLimits, openedAt now: NIODeadline) {
        self.limits = limits
        self.phase = .idle(since: now)
    }

    /// The moment the connection is to be closed unless something happens first; nil while responding.
    var deadline: NIODeadline? {
        switch phase {
        case .idle(let since): since + limits.idleTimeout
        case .readingHead(let since): since + limits.requestHeadTimeout
        case .readingBody(let since, _, _): since + limits.requestBodyTimeout
        case .responding: nil
        }
    }

    func isExpired(at now: NIODeadline) -> Bool {
        deadline.map { now >= $0 } ?? false
    }

    /// Bytes came from the socket, whether or not they completed anything.
    mutating func bytesArrived(at now: NIODeadline) {
        if case .idle = phase { phase = .readingHead(since: now) }
    }

    /// A request head arrived; `isStreamed` for an upload without a size bound (PutMedia).
    mutating func headReceived(at now: NIODeadline, isStreamed: Bool) {
        responsesPending += 1
        abandonedBytes = 0
        phase = .readingBody(since: now, isStreamed: isStreamed, isAbandoned: false)
    }

    /// A head the handler answered itself, refused before the application saw it: its body is discarded and
    /// the connection closes at its end.
    mutating func headRefused(at now: NIODeadline) {
        abandonedBytes = 0
        isRefused = true
        phase = .readingBody(since: now, isStreamed: false, isAbandoned: true)
    }

    mutating func bodyReceived(_ byteCount: Int, at now: NIODeadline) -> BodyAction {
        guard case .readingBody(_, let isStreamed, let isAbandoned) = phase else { return .deliver }
        if isAbandoned {
            abandonedBytes += byteCount
            return abandonedBytes > GatewayLimits.requestBodyBytesMax ? .close : .discard
        }
        if isStreamed { phase = .readingBody(since: now, isStreamed: true, isAbandoned: false) }
        return .deliver
    }

    /// The request was read to its end: `.deliver` to hand the end to the application, `.close` when the
    /// application never saw the request (it was refused).
    mutating func requestEnded(at now: NIODeadline) -> BodyAction {
        guard case .readingBody(_, _, let isAbandoned) = phase else { return .deliver }
        if isRefused { return .close }
        phase = isAbandoned ? .idle(since: now) : .responding
        return .deliver
    }

    /// A response was written to its end.
    mutating func responseEnded(at now: NIODeadline) {
        responsesPending = max(0, responsesPending - 1)
        guard responsesPending == 0 else { return }
        switch phase {
        case .responding:
            phase = .idle(since: now)
        case .readingBody(let since, let isStreamed, false):
            phase = .readingBody(since: since, isStreamed: isStreamed, isAbandoned: true)
        case .idle, .readingHead, .readingBody:
            break
        }
    }
}
