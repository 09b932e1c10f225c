import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore

/// The server's child channel without TLS: HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on the same plaintext
/// port, as SubscribeToShard clients that speak HTTP/2 expect, chosen per connection by `HTTP2PrefaceSniffer`.
/// A connection past `ConnectionLimits.connectionsMax` is closed on arrival.
struct PlaintextServerChannel: ServerChildChannel {
    enum Negotiated: Sendable {
        case http1(HTTP1Channel.Value)
        case http2(HTTP2Channel.Value)
    }

    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    let http1: HTTP1Channel
    let http2: HTTP2Channel
    let limits: ConnectionLimits
    let counter: ConnectionLimitCounter

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, counter: ConnectionLimitCounter,
         logger: Logger) {
        self.http1 = HTTP1Channel(responder: responder, configuration: limits.http1Configuration(logger: logger))
        self.http2 = HTTP2Channel(responder: responder, configuration: limits.http2Configuration(logger: logger))
        self.limits = limits
        self.counter = counter
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard counter.admit(channel) else {
            logger.debug("connection refused: too many open", metadata: ["connectionsMax": "\(counter.connectionsMax)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededFuture(
                Value(negotiated: channel.eventLoop.makeFailedFuture(ChannelError.alreadyClosed), channel: channel))
        }
        let negotiated = channel.eventLoop.makePromise(of: Negotiated.self)
        let sniffer = HTTP2PrefaceSniffer(silenceTimeout: limits.idleTimeout,
                                          prefaceTimeout: limits.requestHeadTimeout) { isHTTP2, channel in
            let configured: EventLoopFuture<Negotiated> = isHTTP2
                ? http2.setup(channel: channel, logger: logger).map { .http2($0) }
                : http1.setup(channel: channel, logger: logger).map { .http1($0) }
            configured.cascade(to: negotiated)
            return configured.map { _ in () }
        }
        do {
            try channel.pipeline.syncOperations.addHandler(sniffer)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        channel.closeFuture.whenComplete { _ in
            negotiated.fail(ChannelError.alreadyClosed)
        }
        return channel.eventLoop.makeSucceededFuture(Value(negotiated: negotiated.futureResult, channel: channel))
    }

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

extension HTTPServerBuilder {
    /// HTTP/1.1 and h2c on one plaintext port.
    static func http1AndH2C(limits: ConnectionLimits, counter: ConnectionLimitCounter, logger: Logger) -> HTTPServerBuilder {
        .init { responder in PlaintextServerChannel(responder: responder, limits: limits, counter: counter, logger: logger) }
    }
}
