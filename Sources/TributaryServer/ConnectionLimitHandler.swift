import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
import TributaryWire

/// Holds one HTTP/1.1 connection or one HTTP/2 stream to the limits a client must keep, between the HTTP codec
/// and the application:
///
/// - the idle, request-head and request-body timeouts, kept by `ConnectionLimitDeadlines`: past its deadline
///   the channel is closed (an HTTP/2 stream is reset; its connection lives on);
/// - a body larger than its operation allows (`GatewayLimits.requestBodyBytesMax(for:)`) by its Content-Length
///   is answered `413 Request Entity Too Large` here, as AWS's front end does, without the application seeing
///   it; a body without a length is bounded by the gateway as it reads it;
/// - what is left of a body the application stopped reading is discarded rather than handed on, within bounds.
///
/// Isolation: used on its channel's event loop only.
final class ConnectionLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    /// Made when the handler joins its pipeline, with its event loop's clock.
    private var deadlines: ConnectionLimitDeadlines!
    private let isHTTP2Stream: Bool
    private let logger: Logger
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?

    init(limits: ConnectionLimits, isHTTP2Stream: Bool, logger: Logger) {
        self.limits = limits
        self.isHTTP2Stream = isHTTP2Stream
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        deadlines = ConnectionLimitDeadlines(limits: limits, openedAt: context.eventLoop.now)
        arm(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = context.eventLoop.now
        switch unwrapInboundIn(data) {
        case .head(let head):
            let bodyBytesMax = GatewayLimits.requestBodyBytesMax(for: head)
            if let bodyBytesMax, let declared = head.headerFields[.contentLength].flatMap({ Int($0) }),
               declared > bodyBytesMax {
                deadlines.headRefused(at: now)
                refuse(context, declaredBytes: declared, bodyBytesMax: bodyBytesMax)
            } else {
                deadlines.headReceived(at: now, isStreamed: bodyBytesMax == nil)
                context.fireChannelRead(data)
            }
        case .body(let buffer):
            perform(deadlines.bodyReceived(buffer.readableBytes, at: now), data, context)
        case .end:
            perform(deadlines.requestEnded(at: now), data, context)
        }
        arm(context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        deadlines.bytesArrived(at: context.eventLoop.now)
        arm(context)
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            deadlines.responseEnded(at: context.eventLoop.now)
            arm(context)
        }
        context.write(data, promise: promise)
    }

    private func perform(_ action: ConnectionLimitDeadlines.BodyAction, _ data: NIOAny, _ context: ChannelHandlerContext) {
        switch action {
        case .deliver:
            context.fireChannelRead(data)
        case .discard:
            break
        case .close:
            logger.debug("closing a connection after a refused or abandoned request body")
            context.close(promise: nil)
        }
    }

    /// Answers a request whose declared body is too large for its operation.
    private func refuse(_ context: ChannelHandlerContext, declaredBytes: Int, bodyBytesMax: Int) {
        logger.debug("request body refused", metadata: ["declaredBytes": "\(declaredBytes)", "bodyBytesMax": "\(bodyBytesMax)"])
        var fields = HTTPFields()
        fields[.contentLength] = "0"
        fields[.amznRequestId] = RequestIdentifier.make()
        if !isHTTP2Stream { fields[.connection] = "close" }
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .contentTooLarge, headerFields: fields))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Keeps one timer armed at the current deadline: re-armed when the deadline moves earlier, and checked
    /// again when it fires (a deadline that moved later re-arms it then).
    private func arm(_ context: ChannelHandlerContext) {
        guard let deadline = deadlines.deadline else { return }
        if let timerDeadline, timerDeadline <= deadline { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timerFired(context)
        }
    }

    private func timerFired(_ context: ChannelHandlerContext) {
        timer = nil
        timerDeadline = nil
        if deadlines.isExpired(at: context.eventLoop.now) {
            logger.debug("closing a connection whose client was too slow", metadata: ["phase": "\(deadlines.phase)"])
            context.close(promise: nil)
        } else {
            arm(context)
        }
    }
}
