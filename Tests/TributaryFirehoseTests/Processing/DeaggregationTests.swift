@testable import TributaryFirehose
import XCTest

/// RecordDeAggregation: JSON values, delimited pieces and KPL records come apart as Firehose splits them.
final class DeaggregationTests: XCTestCase {
    private func strings(_ pieces: [[UInt8]]) -> [String] { pieces.map { String(decoding: $0, as: UTF8.self) } }

    func testConcatenatedJSONObjectsSplitAtTheirTopLevel() throws {
        let data = Array(#"{"a":1}{"b":"}{"} [1,{"c":[2]}]"#.utf8) + [10]
        XCTAssertEqual(strings(try Deaggregation.split(data, type: .json, partitionKey: "")),
                       [#"{"a":1}"#, #"{"b":"}{"}"#, #"[1,{"c":[2]}]"#])
    }

    func testJSONWithStrayTextOrUnbalancedBracketsFails() {
        XCTAssertThrowsError(try Deaggregation.split(Array(#"{"a":1} x"#.utf8), type: .json, partitionKey: ""))
        XCTAssertThrowsError(try Deaggregation.split(Array(#"{"a":1"#.utf8), type: .json, partitionKey: ""))
        XCTAssertThrowsError(try Deaggregation.split(Array("}{".utf8), type: .json, partitionKey: ""))
    }

    func testDelimitedRecordsSplitAtEveryDelimiterAndDropEmptyPieces() throws {
        let pieces = try Deaggregation.split(Array("a||b||||c||".utf8), type: .delimited(Array("||".utf8)),
                                             partitionKey: "")
        XCTAssertEqual(strings(pieces), ["a", "b", "c"])
    }

    func testMoreThanFiveHundredPiecesAreRefused() {
        let data = Array(String(repeating: "{}", count: 501).utf8)
        XCTAssertThrowsError(try Deaggregation.split(data, type: .json, partitionKey: ""))
    }

    func testANonAggregatedRecordPassesThroughKPLUnchanged() throws {
        XCTAssertEqual(try Deaggregation.split(Array("plain".utf8), type: .kpl, partitionKey: "k"), [Array("plain".utf8)])
    }
}
