import TributaryWire
import XCTest

final class JSONDocumentEncoderEdgeTests: XCTestCase {
    private func text(_ document: Document) -> String { String(decoding: JSONDocumentEncoder.encode(document), as: UTF8.self) }

    func testEveryCaseRoundTripsThroughTheDecoder() throws {
        // Blobs and timestamps have no JSON type of their own: they come back as the string and number they became.
        let document: Document = .object([
            "null": .null, "true": .bool(true), "false": .bool(false),
            "integer": .integer(-42), "max": .integer(.max), "min": .integer(.min),
            "double": .double(0.1), "tiny": .double(.leastNonzeroMagnitude), "huge": .double(1.7976931348623157e308),
            "string": .string("plain"), "blob": .blob([0, 1, 2, 253, 254, 255]),
            "timestamp": .timestamp(1_700_000_000.123),
            "array": .array([.integer(1), .array([]), .object([:])]),
            "object": .object(["nested": .object(["deeper": .string("é😀")])]),
        ])
        var expected = document
        if case .object(var members) = expected {
            members["blob"] = .string(Base64.encode([0, 1, 2, 253, 254, 255]))
            members["timestamp"] = .double(1_700_000_000.123)
            expected = .object(members)
        }
        XCTAssertEqual(try JSONDocumentDecoder.decode(JSONDocumentEncoder.encode(document)), expected)
    }

    func testIntegersAtTheLimitsAreWrittenExactly() {
        XCTAssertEqual(text(.array([.integer(0), .integer(.max), .integer(.min)])),
                       "[0,9223372036854775807,-9223372036854775808]")
    }

    func testNonFiniteNumbersBecomeNull() {
        XCTAssertEqual(text(.array([.double(.infinity), .double(-.infinity), .double(.nan), .timestamp(.nan)])),
                       "[null,null,null,null]")
    }

    func testTimestampsKeepMillisecondsOnly() {
        XCTAssertEqual(text(.timestamp(1_700_000_000.1234)), "1700000000.123")
        XCTAssertEqual(text(.timestamp(1_700_000_000.9999)), "1700000001")
        XCTAssertEqual(text(.timestamp(0)), "0")
        XCTAssertEqual(text(.timestamp(-1.5)), "-1.5")
    }

    func testTimestampsBeyondMillisecondRangeDoNotTrap() throws {
        let encoded = JSONDocumentEncoder.encode(.timestamp(1e300))
        XCTAssertEqual(try JSONDocumentDecoder.decode(encoded), .double(1e300))
    }

    func testEveryControlCharacterIsEscaped() throws {
        let controls = String(String.UnicodeScalarView((0 ..< 0x20).map { Unicode.Scalar(UInt8($0)) }))
        let encoded = text(.string(controls))
        XCTAssertFalse(encoded.utf8.contains { $0 < 0x20 })
        XCTAssertTrue(encoded.contains(#"\u0000"#))
        XCTAssertTrue(encoded.contains(#"\u001f"#))
        XCTAssertTrue(encoded.contains(#"\b\t\n\u000b\f\r"#))
        XCTAssertEqual(try JSONDocumentDecoder.decode(Array(encoded.utf8)), .string(controls))
    }

    func testQuotesAndBackslashesAreEscapedAndSlashesAreNot() {
        XCTAssertEqual(text(.string(#"a"b\c/d"#)), #""a\"b\\c/d""#)
    }

    func testMemberNamesAreEscapedToo() throws {
        let document: Document = .object(["quote\"name\n": .integer(1)])
        XCTAssertEqual(text(document), #"{"quote\"name\n":1}"#)
        XCTAssertEqual(try JSONDocumentDecoder.decode(JSONDocumentEncoder.encode(document)), document)
    }

    func testErrorBodiesHaveTheAWSShape() {
        XCTAssertEqual(String(decoding: ServiceError.unknownOperation().jsonBody(), as: UTF8.self),
                       #"{"__type":"UnknownOperationException"}"#)
        let error = ServiceError(code: "ResourceNotFoundException", message: "Stream a under account 1 not found.")
        let decoded = try? JSONDocumentDecoder.decode(error.jsonBody())
        XCTAssertEqual(decoded, .object(["__type": .string("ResourceNotFoundException"),
                                         "message": .string("Stream a under account 1 not found.")]))
    }
}
