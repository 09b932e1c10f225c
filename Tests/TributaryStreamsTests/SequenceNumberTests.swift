import TributaryStreams
import XCTest

final class SequenceNumberTests: XCTestCase {
    func testRoundTripKeepsShardAndOffset() throws {
        let number = SequenceNumber(incarnation: 1_700_000_000_123, shardIndex: 42, offset: 987_654_321)
        let text = number.description
        XCTAssertEqual(text.count, 56)
        XCTAssertTrue(text.hasPrefix("4"))
        XCTAssertEqual(SequenceNumber(parsing: text), number)
    }

    func testNumbersGrowWithOffsetAndShardIndex() {
        let base = SequenceNumber(incarnation: 1_700_000_000_000, shardIndex: 3, offset: 9)
        let later = SequenceNumber(incarnation: 1_700_000_000_000, shardIndex: 3, offset: 10)
        let child = SequenceNumber(incarnation: 1_700_000_000_000, shardIndex: 4, offset: 0)
        XCTAssertLessThan(base.description, later.description)
        XCTAssertLessThan(later.description, child.description)
    }

    func testEditedNumberIsRefused() {
        var digits = Array(SequenceNumber(incarnation: 1_700_000_000_000, shardIndex: 1, offset: 5).description)
        digits[40] = digits[40] == "5" ? "6" : "5"
        XCTAssertNil(SequenceNumber(parsing: String(digits)))
        XCTAssertNil(SequenceNumber(parsing: "123"))
        XCTAssertNil(SequenceNumber(parsing: String(repeating: "4", count: 56)))
    }
}
