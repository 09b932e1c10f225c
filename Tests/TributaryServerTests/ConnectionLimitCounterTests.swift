import NIOCore
import NIOEmbedded
@testable import TributaryServer
import XCTest

/// Places are taken up to the maximum, refused past it, and given back when a connection closes.
final class ConnectionLimitCounterTests: XCTestCase {
    func testConnectionsPastTheMaximumAreRefusedUntilOneCloses() throws {
        let counter = ConnectionLimitCounter(connectionsMax: 2)
        let first = EmbeddedChannel()
        let second = EmbeddedChannel()
        try first.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        XCTAssertTrue(counter.admit(first))
        XCTAssertTrue(counter.admit(second))
        XCTAssertFalse(counter.admit(EmbeddedChannel()))
        XCTAssertEqual(counter.openCount, 2)
        try first.close().wait()
        first.embeddedEventLoop.run()
        XCTAssertEqual(counter.openCount, 1)
        XCTAssertTrue(counter.admit(EmbeddedChannel()))
    }
}
