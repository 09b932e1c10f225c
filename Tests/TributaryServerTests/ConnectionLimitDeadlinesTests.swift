import NIOCore
@testable import TributaryServer
import XCTest

/// Each phase arms its own deadline, a streamed upload's moves with its bytes, an answer has none, and what is
/// left of a body nobody reads is discarded within bounds.
final class ConnectionLimitDeadlinesTests: XCTestCase {
    private let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    private func at(_ milliseconds: Int64) -> NIODeadline {
        start + .milliseconds(milliseconds)
    }

    private func deadlines() -> ConnectionLimitDeadlines {
        var configuration = ServerConfiguration()
        configuration.idleTimeoutMs = 60_000
        configuration.requestHeadTimeoutMs = 10_000
        configuration.requestBodyTimeoutMs = 30_000
        return ConnectionLimitDeadlines(limits: ConnectionLimits(configuration), openedAt: start)
    }

    func testAnIdleConnectionExpiresAfterTheIdleTimeout() {
        let state = deadlines()
        XCTAssertEqual(state.deadline, at(60_000))
        XCTAssertFalse(state.isExpired(at: at(59_999)))
        XCTAssertTrue(state.isExpired(at: at(60_000)))
    }

    func testTheFirstBytesOfARequestArmTheHeadTimeout() {
        var state = deadlines()
        state.bytesArrived(at: at(5_000))
        XCTAssertEqual(state.deadline, at(15_000))
        state.bytesArrived(at: at(9_000))
        XCTAssertEqual(state.deadline, at(15_000), "later bytes of the same head do not extend it")
    }

    func testABoundedBodyMustEndWithinTheBodyTimeoutOfItsHead() {
        var state = deadlines()
        state.bytesArrived(at: at(0))
        state.headReceived(at: at(1_000), isStreamed: false)
        XCTAssertEqual(state.bodyReceived(10, at: at(20_000)), .deliver)
        XCTAssertEqual(state.deadline, at(31_000))
    }

    func testAStreamedUploadMayLastAsLongAsItsBytesKeepComing() {
        var state = deadlines()
        state.headReceived(at: at(0), isStreamed: true)
        XCTAssertEqual(state.bodyReceived(10, at: at(25_000)), .deliver)
        XCTAssertEqual(state.bodyReceived(10, at: at(50_000)), .deliver)
        XCTAssertEqual(state.deadline, at(80_000))
    }

    func testNoDeadlineWhileAnsweringThenIdleAgain() {
        var state = deadlines()
        state.headReceived(at: at(0), isStreamed: false)
        XCTAssertEqual(state.requestEnded(at: at(1)), .deliver)
        XCTAssertNil(state.deadline)
        XCTAssertFalse(state.isExpired(at: at(3_600_000)), "a SubscribeToShard answer is never cut")
        state.responseEnded(at: at(300_000))
        XCTAssertEqual(state.phase, .idle(since: at(300_000)))
        XCTAssertEqual(state.deadline, at(360_000))
    }

    func testTheRestOfABodyAnsweredEarlyIsDiscardedThenTheConnectionGoesOn() {
        var state = deadlines()
        state.headReceived(at: at(0), isStreamed: false)
        state.responseEnded(at: at(10))
        XCTAssertEqual(state.bodyReceived(1_000, at: at(20)), .discard)
        XCTAssertEqual(state.requestEnded(at: at(30)), .deliver)
        XCTAssertEqual(state.phase, .idle(since: at(30)))
    }

    func testAnAbandonedBodyPastTheCeilingClosesTheConnection() {
        var state = deadlines()
        state.headReceived(at: at(0), isStreamed: true)
        state.responseEnded(at: at(10))
        XCTAssertEqual(state.bodyReceived(GatewayLimits.requestBodyBytesMax, at: at(20)), .discard)
        XCTAssertEqual(state.bodyReceived(1, at: at(30)), .close)
    }

    func testARefusedRequestIsDiscardedAndClosesAtItsEnd() {
        var state = deadlines()
        state.headRefused(at: at(0))
        XCTAssertEqual(state.bodyReceived(100, at: at(10)), .discard)
        XCTAssertEqual(state.requestEnded(at: at(20)), .close)
    }

    func testAPipelinedRequestIsNotTakenForAnAbandonedOne() {
        var state = deadlines()
        state.headReceived(at: at(0), isStreamed: false)
        XCTAssertEqual(state.requestEnded(at: at(1)), .deliver)
        state.headReceived(at: at(2), isStreamed: false)
        state.responseEnded(at: at(3))
        XCTAssertEqual(state.bodyReceived(10, at: at(4)), .deliver)
        XCTAssertEqual(state.requestEnded(at: at(5)), .deliver)
        state.responseEnded(at: at(6))
        XCTAssertEqual(state.phase, .idle(since: at(6)))
    }
}
