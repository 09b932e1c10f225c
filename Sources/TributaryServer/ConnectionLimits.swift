import NIOCore

/// The bounds on connections that an operator tunes (`--max-connections` and the three timeouts), as the
/// channel handlers use them. Why each exists:
///
/// - `connectionsMax`: every connection holds a socket, buffers and a task; past this many, new ones are closed
///   on arrival instead of exhausting file descriptors.
/// - `idleTimeout`: a connection with no request in progress (or an HTTP/2 connection with no open stream)
///   is closed after this long, so that abandoned keep-alive connections do not count against the maximum.
/// - `requestHeadTimeout`: from a request's first byte (or a TLS handshake's start) to its complete head; a
///   client dribbling header bytes (slowloris) is cut off after this long.
/// - `requestBodyTimeout`: the longest a request body may take from its head to its end. A streamed upload
///   (PutMedia), which may last hours, is instead cut off after this long without a byte; PutMedia's own
///   30-second silence rule normally ends it first.
///
/// No timeout applies while an answer is being written: SubscribeToShard and GetMedia answers end on their own.
struct ConnectionLimits: Sendable {
    var connectionsMax: Int
    var idleTimeout: TimeAmount
    var requestHeadTimeout: TimeAmount
    var requestBodyTimeout: TimeAmount

    init(_ configuration: ServerConfiguration) {
        precondition(configuration.connectionsMax > 0, "connectionsMax must be positive")
        self.connectionsMax = configuration.connectionsMax
        self.idleTimeout = .milliseconds(Int64(configuration.idleTimeoutMs))
        self.requestHeadTimeout = .milliseconds(Int64(configuration.requestHeadTimeoutMs))
        self.requestBodyTimeout = .milliseconds(Int64(configuration.requestBodyTimeoutMs))
    }
}
