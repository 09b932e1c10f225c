import XCTest
@testable import TributaryAnalytics

final class RecordJSONParserTests: XCTestCase {
    func testKeepsMemberOrderAndNumberText() throws {
        let values = try RecordJSONParser.values(of: Array(#" {"b": 1.50, "a": [true, null, -0e+1]} "#.utf8))
        XCTAssertEqual(values, [.object([("b", .number("1.50")),
                                         ("a", .array([.bool(true), .null, .number("-0e+1")]))])])
        XCTAssertEqual(values[0].jsonText, #"{"b":1.50,"a":[true,null,-0e+1]}"#)
    }

    func testEscapesAndSurrogatePairs() throws {
        let values = try RecordJSONParser.values(of: Array(#""a\"\\\/\n\u00e9\ud83d\ude00""#.utf8))
        XCTAssertEqual(values, [.string("a\"\\/\né😀")])
    }

    func testConcatenatedDocumentsAreSeparateValues() throws {
        XCTAssertEqual(try RecordJSONParser.values(of: Array(#"{"a":1}{"a":2}[3] 4"#.utf8)).count, 4)
        XCTAssertThrowsError(try RecordJSONParser.values(of: Array("true1".utf8)))
    }

    func testRepeatedMemberLookupTakesTheLast() throws {
        let value = try RecordJSONParser.values(of: Array(#"{"a":1,"a":2}"#.utf8))[0]
        XCTAssertEqual(value.member("a"), .number("2"))
        XCTAssertNil(value.member("b"))
    }

    func testMalformedInputIsRejected() {
        for text in ["{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "\"\u{01}\"", "\"\\ud800\"", "nul l"] {
            XCTAssertThrowsError(try RecordJSONParser.values(of: Array(text.utf8)), text)
        }
        let deep = String(repeating: "[", count: RecordJSONParser.nestingDepthMax + 1)
            + String(repeating: "]", count: RecordJSONParser.nestingDepthMax + 1)
        XCTAssertThrowsError(try RecordJSONParser.values(of: Array(deep.utf8)))
    }

    func testPathParsingAndDescription() throws {
        XCTAssertEqual(try RecordJSONPath(parsing: "$.a['b.c'][0:].d").steps,
                       [.member("a"), .member("b.c"), .allElements, .member("d")])
        XCTAssertEqual(try RecordJSONPath(parsing: "$").steps, [])
        XCTAssertEqual(try RecordJSONPath(parsing: "$.x[0:]").description, "$.x[0:]")
        XCTAssertThrowsError(try RecordJSONPath(parsing: "$..a"))
        XCTAssertThrowsError(try RecordJSONPath(parsing: "$.a[*]"))
    }
}
