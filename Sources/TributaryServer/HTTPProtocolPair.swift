import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore

/// HTTP/1.1 and HTTP/2 behind one listening port: Hummingbird's two channels configured with the connection limits,
/// the refusal of a connection past `connectionsMax`, and serving a connection once its protocol is known. The
/// plaintext and TLS child channels differ only in how they learn the protocol (the HTTP/2 preface, or ALPN) and
/// share the rest through this.
struct HTTPProtocolPair: Sendable {
    /// The protocol a connection turned out to speak, set up and ready to serve.
    enum Negotiated: Sendable {
        case http1(HTTP1Channel.Value)
        case http2(HTTP2Channel.Value)
    }

    /// A connection whose protocol is being (or was) negotiated.
    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    let http1: HTTP1Channel
    let http2: HTTP2Channel
    let counter: ConnectionLimitCounter

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, counter: ConnectionLimitCounter,
         logger: Logger) {
        http1 = HTTP1Channel(responder: responder, configuration: limits.http1Configuration(logger: logger))
        http2 = HTTP2Channel(responder: responder, configuration: limits.http2Configuration(logger: logger))
        self.counter = counter
    }

    /// Closes `channel` when it is one connection too many, and returns the value that ends it; nil when admitted.
    func refusal(of channel: any Channel, logger: Logger) -> EventLoopFuture<Value>? {
        guard !counter.admit(channel) else { return nil }
        logger.debug("connection refused: too many open", metadata: ["connectionsMax": "\(counter.connectionsMax)"])
        channel.close(promise: nil)
        return channel.eventLoop.makeSucceededFuture(
            Value(negotiated: channel.eventLoop.makeFailedFuture(ChannelError.alreadyClosed), channel: channel))
    }

    /// Sets the chosen protocol up on `channel`.
    func setup(http2 isHTTP2: Bool, channel: any Channel, logger: Logger) -> EventLoopFuture<Negotiated> {
        isHTTP2
            ? http2.setup(channel: channel, logger: logger).map { .http2($0) }
            : http1.setup(channel: channel, logger: logger).map { .http1($0) }
    }

    /// Serves the connection in its negotiated protocol until it closes.
    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.negotiated.get() {
            case .http1(let connection): await http1.handle(value: connection, logger: logger)
            case .http2(let connection): await http2.handle(value: connection, logger: logger)
            }
        } catch {
            logger.debug("connection closed before its protocol was known", metadata: ["error": "\(error)"])
        }
    }
}
