import Foundation
import TributaryWire
import XCTest

final class JSONDocumentDecoderTests: XCTestCase {
    private func decode(_ text: String) throws -> Document { try JSONDocumentDecoder.decode(Array(text.utf8)) }

    func testEveryKindOfValueDecodes() throws {
        let document = try decode(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        XCTAssertEqual(document, .object([
            "a": .array([.integer(1), .integer(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "e": .string(""),
        ]))
    }

    func testEscapesAndSurrogatePairsDecode() throws {
        XCTAssertEqual(try decode(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#), .string("a\"b\\c/d\n\té😀"))
    }

    func testNumberEdgeCases() throws {
        XCTAssertEqual(try decode("9223372036854775807"), .integer(Int64.max))
        XCTAssertEqual(try decode("-9223372036854775808"), .integer(Int64.min))
        XCTAssertEqual(try decode("9223372036854775808"), .double(9_223_372_036_854_775_808))
        XCTAssertEqual(try decode("-0.5E-2"), .double(-0.005))
    }

    func testMalformedInputIsRefused() {
        let cases = [
            "", "{", #"{"a":1,}"#, "[1,]", #""abc"#, "tru", "nul", "01", "1.", "-", "1e", #"{"a" 1}"#, "{1:2}",
            "[1] [2]", "\"a\u{01}b\"", #""\x""#, #""\ud800""#, #""\udc00x""#, "NaN", "{} x",
        ]
        for text in cases {
            XCTAssertThrowsError(try decode(text), "should refuse \(text.debugDescription)")
        }
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try JSONDocumentDecoder.decode([0x22, 0xC3, 0x28, 0x22]))
        XCTAssertThrowsError(try JSONDocumentDecoder.decode([0x22, 0x5C, 0x6E, 0xFF, 0x22]))
    }

    func testNestingDeeperThanTheLimitIsRefused() throws {
        let depth = WireLimits.nestingDepthMax
        XCTAssertNoThrow(try decode(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        XCTAssertThrowsError(try decode(String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)))
    }

    func testDuplicateKeysKeepTheLastValue() throws {
        XCTAssertEqual(try decode(#"{"a":1,"a":2}"#), .object(["a": .integer(2)]))
    }

    func testAgreesWithFoundationOnGeneratedDocuments() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let value = randomValue(depth: 0, using: &generator)
            let data = try JSONSerialization.data(withJSONObject: ["v": value], options: [.fragmentsAllowed])
            let ours = try JSONDocumentDecoder.decode(Array(data))
            XCTAssertEqual(ours, .object(["v": expected(value)]))
        }
    }

    private func randomValue(depth: Int, using generator: inout SeededGenerator) -> Any {
        switch Int.random(in: depth > 3 ? 0...2 : 0...4, using: &generator) {
        case 0: return Int.random(in: -1_000_000...1_000_000, using: &generator)
        case 1: return String((0..<Int.random(in: 0...12, using: &generator)).map { _ in
            "aé\"\\\n😀z\u{7}".randomElement(using: &generator)! })
        case 2: return Bool.random(using: &generator)
        case 3: return (0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                object["k\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return object
        }
    }

    private func expected(_ value: Any) -> Document {
        switch value {
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let text as String: return .string(text)
        case let array as [Any]: return .array(array.map(expected))
        case let object as [String: Any]: return .object(object.mapValues(expected))
        default: return .null
        }
    }
}

/// A small deterministic generator (SplitMix64) so property tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
