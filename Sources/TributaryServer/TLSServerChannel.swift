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
    typealias Value = HTTPProtocolPair.Value

    /// What ALPN offers, in order of preference.
    static let applicationProtocols = ["h2", "http/1.1"]

    let context: NIOSSLContext
    let protocols: HTTPProtocolPair
    let limits: ConnectionLimits

    init(context: NIOSSLContext, responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits,
         counter: ConnectionLimitCounter, logger: Logger) {
        self.context = context
        self.protocols = HTTPProtocolPair(responder: responder, limits: limits, counter: counter, logger: logger)
        self.limits = limits
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        if let refused = protocols.refusal(of: channel, logger: logger) { return refused }
        let handshakeDeadline = channel.eventLoop.scheduleTask(in: limits.requestHeadTimeout) {
            channel.close(promise: nil)
        }
        channel.closeFuture.whenComplete { _ in handshakeDeadline.cancel() }
        let protocols = protocols
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
            let negotiation = NIOTypedApplicationProtocolNegotiationHandler<HTTPProtocolPair.Negotiated> { result, channel in
                handshakeDeadline.cancel()
                switch result {
                case .negotiated("h2"):
                    return protocols.setup(http2: true, channel: channel, logger: logger)
                case .negotiated("http/1.1"), .fallback:
                    return protocols.setup(http2: false, channel: channel, logger: logger)
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
        await protocols.handle(value: value, logger: logger)
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
