import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// The server's child channel with TLS: HTTPS on the same port, HTTP/2 or HTTP/1.1 as the client's ALPN offer
/// chooses (`h2` first), with the same limits as the plaintext channel. SubscribeToShard clients that speak
/// HTTP/2 (the AWS SDK for Java 2) negotiate `h2`; boto3 and the aws CLI speak HTTP/1.1.
///
/// A connection past `ConnectionLimits.connectionsMax` is closed before its handshake starts; one whose handshake
/// is not done within `requestHeadTimeout` is closed then. A client that offers neither protocol gets HTTP/1.1.
struct TLSServerChannel: ServerChildChannel {
    enum Negotiated: Sendable {
        case http1(HTTP1Channel.Value)
        case http2(HTTP2Channel.Value)
    }

    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    /// What ALPN offers, in order of preference.
    static let applicationProtocols = ["h2", "http/1.1"]

    let context: NIOSSLContext
    let http1: HTTP1Channel
    let http2: HTTP2Channel
    let limits: ConnectionLimits
    let counter: ConnectionLimitCounter

    init(context: NIOSSLContext, responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits,
         counter: ConnectionLimitCounter, logger: Logger) {
        self.context = context
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
        let handshakeDeadline = channel.eventLoop.scheduleTask(in: limits.requestHeadTimeout) {
            channel.close(promise: nil)
        }
        channel.closeFuture.whenComplete { _ in handshakeDeadline.cancel() }
        let http1 = http1
        let http2 = http2
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
            let negotiation = NIOTypedApplicationProtocolNegotiationHandler<Negotiated> { result, channel in
                handshakeDeadline.cancel()
                switch result {
                case .negotiated("h2"):
                    return http2.setup(channel: channel, logger: logger).map { .http2($0) }
                case .negotiated("http/1.1"), .fallback:
                    return http1.setup(channel: channel, logger: logger).map { .http1($0) }
                case .negotiated(let other):
                    channel.close(promise: nil)
                    return channel.eventLoop.makeFailedFuture(TLSSetupError.unexpectedApplicationProtocol(other))
                }
            }
            try channel.pipeline.syncOperations.addHandler(negotiation)
            return Value(negotiated: negotiation.protocolNegotiationResult, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.negotiated.get() {
            case .http1(let connection): await http1.handle(value: connection, logger: logger)
            case .http2(let connection): await http2.handle(value: connection, logger: logger)
            }
        } catch {
            logger.debug("TLS connection closed before its protocol was known", metadata: ["error": "\(error)"])
        }
    }

    /// The server's TLS context from a PEM certificate chain (the server's certificate first) and its PEM private
    /// key. TLS 1.2 is the oldest version accepted, as AWS endpoints require.
    static func makeContext(certificateChain: String, privateKey: String) throws -> NIOSSLContext {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificateChain)
        } catch {
            throw TLSSetupError.unreadableCertificateChain(path: certificateChain, reason: "\(error)")
        }
        guard !certificates.isEmpty else {
            throw TLSSetupError.unreadableCertificateChain(path: certificateChain, reason: "no PEM certificate in it")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw TLSSetupError.unreadablePrivateKey(path: privateKey, reason: "\(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.applicationProtocols = applicationProtocols
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError.mismatchedKey(reason: "\(error)")
        }
    }
}

extension HTTPServerBuilder {
    /// HTTPS with HTTP/2 or HTTP/1.1 by ALPN.
    static func https(context: NIOSSLContext, limits: ConnectionLimits, counter: ConnectionLimitCounter,
                      logger: Logger) -> HTTPServerBuilder {
        .init { responder in
            TLSServerChannel(context: context, responder: responder, limits: limits, counter: counter, logger: logger)
        }
    }
}
