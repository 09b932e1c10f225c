import NIOCore
import NIOEmbedded
@testable import TributaryServer
import XCTest

/// The sniffer decides from the first bytes, passes every held byte on unchanged, and removes itself.
final class HTTP2PrefaceSnifferTests: XCTestCase {
    private final class Decision: @unchecked Sendable {
        var isHTTP2: Bool?
    }

    private func run(_ chunks: [String]) throws -> (Decision, [UInt8], EmbeddedChannel) {
        let decision = Decision()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(HTTP2PrefaceSniffer(
            silenceTimeout: .seconds(60), prefaceTimeout: .seconds(10)) { isHTTP2, channel in
            decision.isHTTP2 = isHTTP2
            return channel.eventLoop.makeSucceededVoidFuture()
        })
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
        }
        var received: [UInt8] = []
        while var buffer = try channel.readInbound(as: ByteBuffer.self) {
            received += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        return (decision, received, channel)
    }

    func testPrefaceInPiecesIsHTTP2AndPassesThroughWhole() throws {
        let preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
        let (decision, received, channel) = try run([String(preface.prefix(5)), String(preface.dropFirst(5)) + "XYZ"])
        XCTAssertEqual(decision.isHTTP2, true)
        XCTAssertEqual(received, Array((preface + "XYZ").utf8))
        XCTAssertThrowsError(try channel.pipeline.syncOperations.handler(type: HTTP2PrefaceSniffer.self))
    }

    func testHTTP1RequestIsDecidedAtTheFirstByteThatDiffers() throws {
        let (decision, received, _) = try run(["POST / HTTP/1.1\r\n"])
        XCTAssertEqual(decision.isHTTP2, false)
        XCTAssertEqual(received, Array("POST / HTTP/1.1\r\n".utf8))
    }

    func testNothingIsDecidedOnAPartialPreface() throws {
        let (decision, received, _) = try run(["PRI * HT"])
        XCTAssertNil(decision.isHTTP2)
        XCTAssertEqual(received, [])
    }

    func testASilentConnectionIsClosedAfterTheSilenceTimeout() throws {
        let (_, _, channel) = try run([])
        channel.embeddedEventLoop.advanceTime(by: .seconds(59))
        XCTAssertTrue(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        XCTAssertFalse(channel.isActive)
    }

    func testAPrefaceLeftUnfinishedIsClosedAfterThePrefaceTimeout() throws {
        let (decision, _, channel) = try run(["PRI * HT"])
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        XCTAssertNil(decision.isHTTP2)
        XCTAssertFalse(channel.isActive)
    }

    func testAClientHangingUpBeforeTheDecisionIsClosed() throws {
        let (_, _, channel) = try run(["PRI"])
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        XCTAssertFalse(channel.isActive)
    }
}
