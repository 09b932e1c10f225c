import NIOCore

/// Tells HTTP/2 with prior knowledge (h2c) from HTTP/1.1 on one plaintext port by the first bytes a client sends.
///
/// An HTTP/2 client opens with the 24-byte preface `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`; no HTTP/1.1 request starts
/// with `PRI`. The handler holds the first bytes until they match the whole preface or stop matching it, asks
/// `decide` to set up the rest of the pipeline, then passes the held bytes on and removes itself.
/// A connection that sends nothing is closed after `silenceTimeout` (the idle timeout), one whose first bytes leave
/// the question open for `prefaceTimeout` (the request-head timeout) is closed then, and either is closed at once
/// when the server shuts down or the client hangs up, since no HTTP handler exists yet to close it.
/// Isolation: used on its channel's event loop only.
final class HTTP2PrefaceSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    static let preface: [UInt8] = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    private var held: ByteBuffer?
    private var decided = false
    private let decide: (_ isHTTP2: Bool, _ channel: any Channel) -> EventLoopFuture<Void>

    private var silenceTimer: Scheduled<Void>?
    private let silenceTimeout: TimeAmount
    private let prefaceTimeout: TimeAmount

    init(silenceTimeout: TimeAmount, prefaceTimeout: TimeAmount,
         decide: @escaping (_ isHTTP2: Bool, _ channel: any Channel) -> EventLoopFuture<Void>) {
        self.silenceTimeout = silenceTimeout
        self.prefaceTimeout = prefaceTimeout
        self.decide = decide
    }

    func handlerAdded(context: ChannelHandlerContext) {
        closeUnlessDecided(context, in: silenceTimeout)
    }

    private func closeUnlessDecided(_ context: ChannelHandlerContext, in delay: TimeAmount) {
        silenceTimer?.cancel()
        let channel = context.channel
        silenceTimer = context.eventLoop.scheduleTask(in: delay) {
            channel.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        silenceTimer?.cancel()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The server allows half-closed connections, so a client that hangs up before its first request only
        // closes its input: without an HTTP handler yet, the connection would otherwise linger to its timer.
        if !decided, event is ChannelShouldQuiesceEvent || event as? ChannelEvent == .inputClosed {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if held == nil {
            held = bytes
            if !decided { closeUnlessDecided(context, in: prefaceTimeout) }
        } else {
            held!.writeBuffer(&bytes)
        }
        guard !decided, let held else { return }
        let view = held.readableBytesView
        let compared = min(view.count, Self.preface.count)
        let matches = zip(view.prefix(compared), Self.preface.prefix(compared)).allSatisfy { $0 == $1 }
        guard !matches || compared == Self.preface.count else { return }
        decided = true
        silenceTimer?.cancel()
        let isHTTP2 = matches
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        decide(isHTTP2, context.channel).whenComplete { result in
            let context = loopBound.value
            switch result {
            case .success:
                if let buffer = self.held {
                    self.held = nil
                    context.fireChannelRead(self.wrapInboundOut(buffer))
                    context.fireChannelReadComplete()
                }
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            case .failure(let error):
                context.fireErrorCaught(error)
                context.close(promise: nil)
            }
        }
    }
}
