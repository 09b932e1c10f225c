@testable import TributaryFirehose
import XCTest

/// BufferingHints as a rule: size cuts early, the interval delivers a partial buffer, nothing waits forever.
final class BatchWindowTests: XCTestCase {
    private let window = BatchWindow(sizeBytes: 100, intervalMs: 1000)

    func testAnEmptyBufferIsIdle() {
        XCTAssertEqual(window.decide(records: [], nowMs: 5000), .idle)
    }

    func testAPartialBufferWaitsForTheIntervalCountedFromItsFirstRecord() {
        let records = [(offset: UInt64(7), bytes: 10, arrivalMs: Int64(2000)), (8, 10, 2500)]
        XCTAssertEqual(window.decide(records: records, nowMs: 2600), .wait(untilMs: 3000))
        XCTAssertEqual(window.decide(records: records, nowMs: 3000), .deliver(endOffset: 9))
    }

    func testTheSizeHintCutsBeforeTheRecordThatWouldPassIt() {
        let records = [(offset: UInt64(0), bytes: 60, arrivalMs: Int64(0)), (1, 30, 0), (2, 30, 0), (3, 5, 0)]
        XCTAssertEqual(window.decide(records: records, nowMs: 1), .deliver(endOffset: 2))
    }

    func testReachingTheSizeExactlyDeliversIncludingThatRecord() {
        let records = [(offset: UInt64(0), bytes: 60, arrivalMs: Int64(0)), (1, 40, 0), (2, 1, 0)]
        XCTAssertEqual(window.decide(records: records, nowMs: 1), .deliver(endOffset: 2))
    }

    func testOneRecordLargerThanTheHintGoesAlone() {
        let records = [(offset: UInt64(4), bytes: 500, arrivalMs: Int64(0)), (5, 1, 0)]
        XCTAssertEqual(window.decide(records: records, nowMs: 1), .deliver(endOffset: 5))
    }
}
