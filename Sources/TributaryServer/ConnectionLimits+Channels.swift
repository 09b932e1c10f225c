import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore

/// The Hummingbird channel configurations that carry the limits: HTTP/1.1 heads bounded in size and a
/// `ConnectionLimitHandler` on every HTTP/1.1 connection and every HTTP/2 stream. HTTP/2 connections are closed
/// by Hummingbird's connection manager after `idleTimeout` without an open stream; their header lists are
/// bounded by swift-nio-http2's advertised 16 KiB, the same bound as `GatewayLimits.requestHeadBytesMax`.
extension ConnectionLimits {
    func http1Configuration(logger: Logger) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionLimitHandler(limits: self, isHTTP2Stream: false, logger: logger)],
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: GatewayLimits.requestHeadBytesMax, maxHeaderListSize: GatewayLimits.requestHeadBytesMax,
                maxHeaderFieldCount: GatewayLimits.requestHeaderFieldCountMax))
    }

    func http2Configuration(logger: Logger) -> HTTP2Channel.Configuration {
        HTTP2Channel.Configuration(
            idleTimeout: .nanoseconds(idleTimeout.nanoseconds),
            streamConfiguration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [ConnectionLimitHandler(limits: self, isHTTP2Stream: true, logger: logger)]))
    }
}
