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
        try channel.pipeline.syncOperations.addHandler(HTTP2PrefaceSniffer { isHTTP2, channel in
            decision.isHTTP2 = isHTTP2
            return channel.eventLoop.makeSucceededVoidFuture()
        })
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
}
