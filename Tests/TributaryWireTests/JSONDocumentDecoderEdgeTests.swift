import Foundation
import TributaryWire
import XCTest

final class JSONDocumentDecoderEdgeTests: XCTestCase {
    private func decode(_ text: String) throws -> Document { try JSONDocumentDecoder.decode(Array(text.utf8)) }

    private func decodingError(_ text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch let error as DocumentDecodingError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    func testEachKindOfMalformedInputIsRefusedWithItsReason() {
        XCTAssertEqual(decodingError(#"{"a":1,}"#), "Expected a member name at offset 7")
        XCTAssertEqual(decodingError("[1,]"), "Unexpected character ']' at offset 3")
        XCTAssertEqual(decodingError(#""abc"#), "Unterminated string at offset 4")
        XCTAssertEqual(decodingError("[trux]"), "Invalid literal at offset 1")
        XCTAssertEqual(decodingError("\"a\tb\""), "Control character in string at offset 2")
        XCTAssertEqual(decodingError("{} x"), "Unexpected data after the JSON value at offset 3")
        XCTAssertEqual(decodingError(#""\q""#), "Invalid escape at offset 3")
        XCTAssertEqual(decodingError(#""\u12G4""#), "Invalid \\u escape at offset 5")
        XCTAssertEqual(decodingError(""), "Unexpected end of JSON input at offset 0")
        XCTAssertEqual(decodingError("   "), "Unexpected end of JSON input at offset 3")
        XCTAssertEqual(decodingError("1e400"), "Number out of range at offset 5")
        XCTAssertEqual(decodingError("[1 2]"), "Expected ',' or ']' at offset 3")
    }

    func testLongStringsAreScannedCorrectlyAroundWordBoundaries() throws {
        // The scanner reads eight bytes at a time: put the special byte at every offset of a word.
        for length in 0 ..< 24 {
            let plain = String(repeating: "x", count: length)
            XCTAssertEqual(try decode("\"\(plain)\""), .string(plain))
            XCTAssertEqual(try decode("\"\(plain)\\n\(plain)\""), .string(plain + "\n" + plain))
            XCTAssertThrowsError(try decode("\"\(plain)\u{01}\(plain)\""))
            XCTAssertEqual(try decode("\"\(plain)é\(plain)\""), .string(plain + "é" + plain))
        }
    }

    func testInvalidUTF8IsRefusedEvenInLongStrings() {
        let invalidSequences: [[UInt8]] = [
            [0xC3], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x9F, 0x98], [0xFF], [0x80],
        ]
        for sequence in invalidSequences {
            let body = [0x22] + Array("padding-padding-".utf8) + sequence + Array("-tail".utf8) + [0x22]
            XCTAssertThrowsError(try JSONDocumentDecoder.decode(body), "should refuse \(sequence)")
        }
        XCTAssertEqual(try JSONDocumentDecoder.decode([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]), .string("😀"))
    }

    func testUnicodeEscapesCoverEveryUTF8Length() throws {
        XCTAssertEqual(try decode(#""\u0041\u00e9\u20AC\uD834\uDD1E""#), .string("Aé€𝄞"))
        XCTAssertEqual(try decode(#""\u0000""#), .string("\u{0}"))
        XCTAssertThrowsError(try decode(#""\uD834x""#))
        XCTAssertThrowsError(try decode(#""\uD834\u0041""#))
    }

    func testIntegerAndDoubleBoundaries() throws {
        XCTAssertEqual(try decode("999999999999999999"), .integer(999_999_999_999_999_999))
        XCTAssertEqual(try decode("-999999999999999999"), .integer(-999_999_999_999_999_999))
        XCTAssertEqual(try decode("1000000000000000000"), .integer(1_000_000_000_000_000_000))
        XCTAssertEqual(try decode("-9223372036854775809"), .double(-9.223372036854775808e18))
        XCTAssertEqual(try decode("123456789012345678901234567890"), .double(1.2345678901234568e29))
        XCTAssertEqual(try decode("-0"), .integer(0))
        XCTAssertEqual(try decode("2.0"), .double(2))
        XCTAssertEqual(try decode("1E+2"), .double(100))
        XCTAssertEqual(try decode("0.1"), .double(0.1))
    }

    func testNestingLimitCountsObjectsAndArraysAlike() {
        let depth = WireLimits.nestingDepthMax
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        XCTAssertNoThrow(try decode(objects))
        let mixed = String(repeating: #"[{"a":"#, count: depth / 2 + 1) + "1" + String(repeating: "}]", count: depth / 2 + 1)
        XCTAssertThrowsError(try decode(mixed))
    }

    func testRawBufferEntryPointMatchesTheArrayOne() throws {
        let bytes = Array(#" {"Data":"aGVsbG8=","PartitionKey":"k"} "#.utf8)
        let fromBuffer = try bytes.withUnsafeBytes { try JSONDocumentDecoder.decode($0) }
        XCTAssertEqual(fromBuffer, try JSONDocumentDecoder.decode(bytes))
    }

    func testPutRecordsBodyDecodesIntoRecords() throws {
        var text = #"{"StreamName":"s","Records":["#
        for index in 0 ..< 500 {
            if index > 0 { text += "," }
            text += #"{"Data":"\#(Base64.encode([UInt8](repeating: UInt8(index % 256), count: 100)))","PartitionKey":"k\#(index)"}"#
        }
        text += "]}"
        let document = try decode(text)
        let records = try XCTUnwrap(try document.array("Records"))
        XCTAssertEqual(records.count, 500)
        XCTAssertEqual(try records[499].blob("Data"), [UInt8](repeating: 243, count: 100))
        XCTAssertEqual(try records[499].string("PartitionKey"), "k499")
    }

    func testAgreesWithFoundationOnTheSameGeneratedBytes() throws {
        // Both parsers read the same bytes. Integers must agree exactly; for doubles ours is correctly rounded (it
        // gives back exactly the value that was printed), while Foundation on Linux may be one unit in the last
        // place off, so it is compared with a tolerance.
        var generator = SeededGenerator(seed: 7)
        for _ in 0 ..< 200 {
            let value = Double.random(in: -1e6 ... 1e6, using: &generator)
            let integer = Int64.random(in: .min ... .max, using: &generator)
            let data = Data("{\"d\":\(value),\"i\":\(integer),\"s\":\"\\u00e9\\n\\ud83d\\ude00\\/\"}".utf8)
            let foundation = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let ours = try JSONDocumentDecoder.decode(Array(data))
            XCTAssertEqual(ours["d"], .double(value))
            let foundationDouble = try XCTUnwrap((foundation["d"] as? NSNumber)?.doubleValue)
            XCTAssertEqual(foundationDouble, value, accuracy: value.magnitude * 1e-15)
            XCTAssertEqual(ours["i"], .integer(try XCTUnwrap((foundation["i"] as? NSNumber)?.int64Value)))
            XCTAssertEqual(ours["s"], .string(try XCTUnwrap(foundation["s"] as? String)))
        }
    }
}
