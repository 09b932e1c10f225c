import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
@testable import TributaryServer
import XCTest

/// The handler refuses an oversized declared body itself, cuts a slow head off, and never cuts an answer.
final class ConnectionLimitHandlerTests: XCTestCase {
    private func channel(isHTTP2Stream: Bool = false) throws -> EmbeddedChannel {
        var configuration = ServerConfiguration()
        configuration.idleTimeoutMs = 60_000
        configuration.requestHeadTimeoutMs = 10_000
        configuration.requestBodyTimeoutMs = 30_000
        let handler = ConnectionLimitHandler(limits: ConnectionLimits(configuration), isHTTP2Stream: isHTTP2Stream,
                                             logger: Logger(label: "test"))
        let channel = EmbeddedChannel(handler: handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    private func head(target: String, contentLength: Int) -> HTTPRequestPart {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-Amz-Target")!] = target
        fields[.contentLength] = "\(contentLength)"
        return .head(HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/", headerFields: fields))
    }

    func testAnOversizedDeclaredBodyIsAnswered413WithoutReachingTheApplication() throws {
        let channel = try channel()
        try channel.writeInbound(head(target: "Kinesis_20131202.CreateStream", contentLength: 2 << 20))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(repeating: 0, count: 1_000)))
        XCTAssertNil(try channel.readInbound(as: HTTPRequestPart.self))
        guard case .head(let response)? = try channel.readOutbound(as: HTTPResponsePart.self) else {
            return XCTFail("no response head")
        }
        XCTAssertEqual(response.status.code, 413)
        XCTAssertEqual(response.headerFields[.connection], "close")
        XCTAssertNotNil(response.headerFields[HTTPField.Name("x-amzn-RequestId")!])
        XCTAssertTrue(channel.isActive, "the rest of the body is read first, so that the client sees the answer")
        try channel.writeInbound(HTTPRequestPart.end(nil))
        XCTAssertFalse(channel.isActive)
    }

    func testAnHTTP2StreamIsRefusedWithoutAConnectionHeader() throws {
        let channel = try channel(isHTTP2Stream: true)
        try channel.writeInbound(head(target: "Kinesis_20131202.PutRecords", contentLength: (16 << 20) + 1))
        guard case .head(let response)? = try channel.readOutbound(as: HTTPResponsePart.self) else {
            return XCTFail("no response head")
        }
        XCTAssertEqual(response.status.code, 413)
        XCTAssertNil(response.headerFields[.connection])
    }

    func testABodyWithinItsBoundIsHandedOn() throws {
        let channel = try channel()
        try channel.writeInbound(head(target: "Kinesis_20131202.PutRecords", contentLength: 2 << 20))
        XCTAssertNotNil(try channel.readInbound(as: HTTPRequestPart.self))
        XCTAssertNil(try channel.readOutbound(as: HTTPResponsePart.self))
    }

    func testAHeadDribbledTooSlowlyIsCutOff() throws {
        let channel = try channel()
        channel.embeddedEventLoop.advanceTime(by: .seconds(30))
        channel.pipeline.fireChannelReadComplete()
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        XCTAssertTrue(channel.isActive)
        channel.pipeline.fireChannelReadComplete()
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        XCTAssertFalse(channel.isActive)
    }

    func testAnIdleConnectionIsClosedAfterTheIdleTimeout() throws {
        let channel = try channel()
        channel.embeddedEventLoop.advanceTime(by: .seconds(59))
        XCTAssertTrue(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        XCTAssertFalse(channel.isActive)
    }

    func testALongAnswerIsNeverCutOff() throws {
        let channel = try channel()
        try channel.writeInbound(head(target: "Kinesis_20131202.SubscribeToShard", contentLength: 10))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        channel.embeddedEventLoop.advanceTime(by: .seconds(3_600))
        XCTAssertTrue(channel.isActive)
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        XCTAssertFalse(channel.isActive, "idle again once the answer ended")
    }
}
