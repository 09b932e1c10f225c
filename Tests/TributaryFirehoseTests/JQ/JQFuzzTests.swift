import XCTest
@testable import TributaryFirehose

/// Random programs and records (from a fixed seed, so a failure can be replayed) compile and run to outputs or a
/// `JQError`, never to a crash: token soup, byte mutations of real queries, and mutated or random JSON.
final class JQFuzzTests: XCTestCase {
    /// SplitMix64: a small, fast generator whose sequence depends only on the seed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    private static let vocabulary = [
        ".", ".a", ".b", "..", "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "?", "+", "-", "*", "/", "%", "==",
        "!=", "<", ">=", "//", "and", "or", "not", "if", "then", "elif", "else", "end", "as", "$x", "$y", "reduce",
        "try", "catch", "\"s\"", "\"\\(", "1", "0", "-1", "1e308", "0.5", "null", "true", "length", "keys", "map",
        "select", "tostring", "tonumber", "tojson", "fromjson", "split", "join", "test", "sub", "gsub", "add", "sort",
        "unique", "min", "strftime", "strptime", "mktime", "gmtime", "todate", "@base64", "@base64d", "ascii_downcase",
        "ltrimstr", "contains", "has", "error", "empty", "first", "last", "floor", "sqrt", "#", "\n", "\"%Y\"", "\"a,b\"",
    ]

    private static let queries = [
        "{customer_id: .customer_id, year: .event_time | strftime(\"%Y\")}",
        "{device: .device.id, type: .type | ascii_downcase}",
        "[.[] | select(.a > 1) | {k: (.b // \"none\"), n: (.c | length)}]",
        "reduce .items[] as $i (0; . + ($i.price * $i.qty))",
        "if .x then .y | tostring else (.z | gsub(\"[^a-z]\"; \"\")) end",
        ".ts | strptime(\"%Y-%m-%dT%H:%M:%SZ\") | mktime | todate",
        "try (.a | fromjson) catch \"bad\" | @base64",
        "\"\\(.a)-\\(.b // 0)\" | split(\"-\") | join(\"/\")",
    ]

    private static let inputs = [
        "{\"customer_id\":\"c\",\"event_time\":1425599621,\"device\":{\"id\":7},\"type\":\"T\",\"a\":\"[1]\",\"b\":2}",
        "[1,\"a\",null,true,{\"a\":2,\"b\":\"x\",\"c\":[1,2]},[3]]",
        "{\"items\":[{\"price\":1.5,\"qty\":2}],\"ts\":\"2015-03-05T23:51:47Z\",\"x\":false,\"z\":\"A-b_c\"}",
        "\"2015-03-05T23:51:47Z\"", "1e308", "null",
    ]

    private func exercise(_ program: String, _ input: [UInt8]) -> Bool {
        guard let compiled = try? JQProgram(program) else { return false }
        do {
            _ = try compiled.run(json: input, now: testNow)
            return true
        } catch is JQError {
            return true
        } catch {
            XCTFail("\(program): unexpected error type \(error)")
            return true
        }
    }

    func testTokenSoupNeverCrashes() {
        var generator = SeededGenerator(state: 0x5EED_0001)
        var compiledCount = 0
        for _ in 0 ..< 20000 {
            let length = Int.random(in: 1 ... 12, using: &generator)
            let program = (0 ..< length).map { _ in Self.vocabulary.randomElement(using: &generator) ?? "." }
                .joined(separator: " ")
            let input = Array((Self.inputs.randomElement(using: &generator) ?? "null").utf8)
            if exercise(program, input) { compiledCount += 1 }
        }
        XCTAssertGreaterThan(compiledCount, 1000, "the soup should contain valid programs")
    }

    func testMutatedQueriesNeverCrash() {
        var generator = SeededGenerator(state: 0x5EED_0002)
        var compiledCount = 0
        for _ in 0 ..< 3000 {
            var bytes = Array((Self.queries.randomElement(using: &generator) ?? ".").utf8)
            for _ in 0 ..< Int.random(in: 1 ... 4, using: &generator) {
                let position = Int.random(in: 0 ..< bytes.count, using: &generator)
                switch Int.random(in: 0 ..< 3, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(UInt8.random(in: 0 ... 255, using: &generator), at: position)
                default: bytes[position] = UInt8.random(in: 0x20 ... 0x7E, using: &generator)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: ".")] }
            }
            let input = Array((Self.inputs.randomElement(using: &generator) ?? "null").utf8)
            if exercise(String(decoding: bytes, as: UTF8.self), input) { compiledCount += 1 }
        }
        XCTAssertGreaterThan(compiledCount, 100, "some mutations should still compile")
    }

    func testMutatedAndRandomRecordsNeverCrash() throws {
        var generator = SeededGenerator(state: 0x5EED_0003)
        let programs = try Self.queries.map { try JQProgram($0) } + [try JQProgram("."), try JQProgram("tojson")]
        var parsedCount = 0
        for round in 0 ..< 4000 {
            var bytes: [UInt8]
            if round % 4 == 0 {
                bytes = (0 ..< Int.random(in: 0 ... 64, using: &generator)).map { _ in
                    UInt8.random(in: 0 ... 255, using: &generator)
                }
            } else {
                bytes = Array((Self.inputs.randomElement(using: &generator) ?? "null").utf8)
                for _ in 0 ..< Int.random(in: 1 ... 3, using: &generator) where !bytes.isEmpty {
                    bytes[Int.random(in: 0 ..< bytes.count, using: &generator)] = UInt8.random(in: 0 ... 255,
                                                                                               using: &generator)
                }
            }
            let program = programs.randomElement(using: &generator) ?? programs[0]
            do {
                _ = try program.run(json: bytes, now: testNow)
                parsedCount += 1
            } catch is JQError {
                continue
            }
        }
        XCTAssertGreaterThan(parsedCount, 100)
    }
}
