import TributaryWire
import XCTest

final class JSONDocumentEncoderTests: XCTestCase {
    private func text(_ document: Document) -> String { String(decoding: JSONDocumentEncoder.encode(document), as: UTF8.self) }

    func testScalarsEncodeCompactly() {
        XCTAssertEqual(text(.array([.null, .bool(true), .integer(-7), .double(2.5), .double(.nan)])), "[null,true,-7,2.5,null]")
    }

    func testBlobsAreBase64AndTimestampsCarryMilliseconds() {
        XCTAssertEqual(text(.blob(Array("hello".utf8))), #""aGVsbG8=""#)
        XCTAssertEqual(text(.timestamp(1_700_000_000.123)), "1700000000.123")
        XCTAssertEqual(text(.timestamp(1_700_000_000.05)), "1700000000.05")
        XCTAssertEqual(text(.timestamp(1_700_000_000)), "1700000000")
    }

    func testStringsAreEscapedAndReparseToTheSameValue() throws {
        let original = "quote\" backslash\\ newline\n tab\t bell\u{7} é 😀"
        let encoded = JSONDocumentEncoder.encode(.object(["s": .string(original)]))
        XCTAssertTrue(String(decoding: encoded, as: UTF8.self).contains("\\u0007"))
        XCTAssertEqual(try JSONDocumentDecoder.decode(encoded), .object(["s": .string(original)]))
    }

    func testNestedDocumentsRoundTrip() throws {
        let document: Document = .object(["a": .array([.object(["b": .integer(1)]), .string("x")]), "c": .object([:])])
        XCTAssertEqual(try JSONDocumentDecoder.decode(JSONDocumentEncoder.encode(document)), document)
    }
}
