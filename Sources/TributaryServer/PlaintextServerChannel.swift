import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore

/// The server's child channel without TLS: HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on the same plaintext
/// port, as SubscribeToShard clients that speak HTTP/2 expect, chosen per connection by `HTTP2PrefaceSniffer`.
/// A connection past `ConnectionLimits.connectionsMax` is closed on arrival.
struct PlaintextServerChannel: ServerChildChannel {
    typealias Value = HTTPProtocolPair.Value

    let protocols: HTTPProtocolPair
    let limits: ConnectionLimits

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, counter: ConnectionLimitCounter,
         logger: Logger) {
        self.protocols = HTTPProtocolPair(responder: responder, limits: limits, counter: counter, logger: logger)
        self.limits = limits
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        if let refused = protocols.refusal(of: channel, logger: logger) { return refused }
        let negotiated = channel.eventLoop.makePromise(of: HTTPProtocolPair.Negotiated.self)
        let protocols = protocols
        let sniffer = HTTP2PrefaceSniffer(silenceTimeout: limits.idleTimeout,
                                          prefaceTimeout: limits.requestHeadTimeout) { isHTTP2, channel in
            let configured = protocols.setup(http2: isHTTP2, channel: channel, logger: logger)
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
        await protocols.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 and h2c on one plaintext port.
    static func http1AndH2C(limits: ConnectionLimits, counter: ConnectionLimitCounter, logger: Logger) -> HTTPServerBuilder {
        .init { responder in PlaintextServerChannel(responder: responder, limits: limits, counter: counter, logger: logger) }
    }
}
