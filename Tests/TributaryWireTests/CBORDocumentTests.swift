import Foundation
import TributaryWire
import XCTest

final class CBORDocumentTests: XCTestCase {
    private func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { offset in
            UInt8(String(decoding: digits[offset ..< offset + 2], as: UTF8.self), radix: 16)!
        }
    }

    private func decode(_ hex: String, unit: CBORTimestampUnit = .seconds) throws -> Document {
        try CBORDocumentDecoder.decode(bytes(hex), timestampUnit: unit)
    }

    private func hex(_ document: Document, unit: CBORTimestampUnit = .milliseconds) -> String {
        CBORDocumentEncoder.encode(document, timestampUnit: unit).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    // MARK: RFC 8949 Appendix A

    func testRFCIntegerExamplesDecode() throws {
        let cases: [(String, Document)] = [
            ("00", .integer(0)), ("01", .integer(1)), ("0a", .integer(10)), ("17", .integer(23)), ("1818", .integer(24)),
            ("1819", .integer(25)), ("1864", .integer(100)), ("1903e8", .integer(1000)), ("1a000f4240", .integer(1_000_000)),
            ("1b000000e8d4a51000", .integer(1_000_000_000_000)), ("20", .integer(-1)), ("29", .integer(-10)),
            ("3863", .integer(-100)), ("3903e7", .integer(-1000)),
            ("1b7fffffffffffffff", .integer(Int64.max)), ("3b7fffffffffffffff", .integer(Int64.min)),
            ("1bffffffffffffffff", .double(Double(UInt64.max))),
            ("3bffffffffffffffff", .double(-18_446_744_073_709_551_616)),
            ("1b8000000000000000", .double(9_223_372_036_854_775_808)),
        ]
        for (input, expected) in cases { XCTAssertEqual(try decode(input), expected, input) }
    }

    func testRFCFloatAndSimpleExamplesDecode() throws {
        let cases: [(String, Document)] = [
            ("f90000", .double(0)), ("f93c00", .double(1)), ("fb3ff199999999999a", .double(1.1)),
            ("f93e00", .double(1.5)), ("f97bff", .double(65504)), ("fa47c35000", .double(100_000)),
            ("fa7f7fffff", .double(3.4028234663852886e+38)), ("fb7e37e43c8800759c", .double(1.0e+300)),
            ("f90001", .double(5.960464477539063e-8)), ("f90400", .double(0.00006103515625)), ("f9c400", .double(-4)),
            ("fbc010666666666666", .double(-4.1)), ("f97c00", .double(.infinity)), ("f9fc00", .double(-.infinity)),
            ("fa7f800000", .double(.infinity)), ("fb7ff0000000000000", .double(.infinity)),
            ("f4", .bool(false)), ("f5", .bool(true)), ("f6", .null), ("f7", .null),
        ]
        for (input, expected) in cases { XCTAssertEqual(try decode(input), expected, input) }
        guard case .double(let negativeZero) = try decode("f98000") else { return XCTFail("-0.0") }
        XCTAssertTrue(negativeZero == 0 && negativeZero.sign == .minus)
        for input in ["f97e00", "fa7fc00000", "fb7ff8000000000000"] {
            guard case .double(let value) = try decode(input) else { return XCTFail(input) }
            XCTAssertTrue(value.isNaN, input)
        }
    }

    func testRFCStringExamplesDecode() throws {
        let cases: [(String, Document)] = [
            ("40", .blob([])), ("4401020304", .blob([1, 2, 3, 4])), ("60", .string("")), ("6161", .string("a")),
            ("6449455446", .string("IETF")), ("62225c", .string("\"\\")), ("62c3bc", .string("\u{fc}")),
            ("63e6b0b4", .string("\u{6c34}")), ("64f0908591", .string("\u{10151}")),
            ("5f42010243030405ff", .blob([1, 2, 3, 4, 5])), ("7f657374726561646d696e67ff", .string("streaming")),
            ("5fff", .blob([])), ("7fff", .string("")),
        ]
        for (input, expected) in cases { XCTAssertEqual(try decode(input), expected, input) }
    }

    func testRFCContainerExamplesDecode() throws {
        let oneToTwentyFive = Document.array((1 ... 25).map { .integer($0) })
        let nested = Document.array([.integer(1), .array([.integer(2), .integer(3)]), .array([.integer(4), .integer(5)])])
        let cases: [(String, Document)] = [
            ("80", .array([])), ("83010203", .array([.integer(1), .integer(2), .integer(3)])), ("8301820203820405", nested),
            ("98190102030405060708090a0b0c0d0e0f101112131415161718181819", oneToTwentyFive),
            ("a0", .object([:])), ("a26161016162820203", .object(["a": .integer(1), "b": .array([.integer(2), .integer(3)])])),
            ("826161a161626163", .array([.string("a"), .object(["b": .string("c")])])),
            ("a56161614161626142616361436164614461656145", .object([
                "a": .string("A"), "b": .string("B"), "c": .string("C"), "d": .string("D"), "e": .string("E"),
            ])),
            ("9fff", .array([])), ("9f018202039f0405ffff", nested), ("9f01820203820405ff", nested),
            ("83018202039f0405ff", nested), ("83019f0203ff820405", nested),
            ("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", oneToTwentyFive),
            ("bf61610161629f0203ffff", .object(["a": .integer(1), "b": .array([.integer(2), .integer(3)])])),
            ("bf6161016162820203ff", .object(["a": .integer(1), "b": .array([.integer(2), .integer(3)])])),
            ("826161bf61626163ff", .array([.string("a"), .object(["b": .string("c")])])),
            ("bf6346756ef563416d7421ff", .object(["Fun": .bool(true), "Amt": .integer(-2)])),
        ]
        for (input, expected) in cases { XCTAssertEqual(try decode(input), expected, input) }
    }

    func testRFCTagExamplesDecode() throws {
        XCTAssertEqual(try decode("c11a514b67b0"), .timestamp(1_363_896_240))
        XCTAssertEqual(try decode("c1fb41d452d9ec200000"), .timestamp(1_363_896_240.5))
        XCTAssertEqual(try decode("c074323031332d30332d32315432303a30343a30305a"), .string("2013-03-21T20:04:00Z"))
        XCTAssertEqual(try decode("d74401020304"), .blob([1, 2, 3, 4]))
        XCTAssertEqual(try decode("d818456449455446"), .blob([0x64, 0x49, 0x45, 0x54, 0x46]))
        XCTAssertEqual(try decode("d82076687474703a2f2f7777772e6578616d706c652e636f6d"), .string("http://www.example.com"))
        XCTAssertEqual(try decode("c249010000000000000000"), .blob([1, 0, 0, 0, 0, 0, 0, 0, 0]))  // bignum as bytes
    }

    // MARK: Timestamps as the AWS SDK for Java writes them

    func testTimestampsDefaultToMillisecondsLikeTheJavaSDK() throws {
        // What the Java SDK v2 sends for GetShardIterator's AT_TIMESTAMP: tag 1 around integer epoch milliseconds.
        XCTAssertEqual(try CBORDocumentDecoder.decode(bytes("c11b000001a013accc38")), .timestamp(1_787_036_486.712))
        XCTAssertEqual(try CBORDocumentDecoder.decode(bytes("c1fb4273d8e8d0974000")), .timestamp(1_363_896_240.5))
        XCTAssertEqual(hex(.timestamp(1_787_036_486.712)), "c11b000001a013accc38")
        XCTAssertEqual(hex(.timestamp(1_363_896_240.0004)), "c11b0000013d8e8d0780")  // rounded to the millisecond
    }

    func testTimestampsInSecondsFollowRFC8949() {
        XCTAssertEqual(hex(.timestamp(1_363_896_240), unit: .seconds), "c11a514b67b0")
        XCTAssertEqual(hex(.timestamp(1_363_896_240.5), unit: .seconds), "c1fb41d452d9ec200000")
    }

    // MARK: Encoding

    func testIntegersUseTheShortestHead() {
        let cases: [(Int64, String)] = [
            (0, "00"), (23, "17"), (24, "1818"), (255, "18ff"), (256, "190100"), (65535, "19ffff"),
            (65536, "1a00010000"), (4_294_967_295, "1affffffff"), (4_294_967_296, "1b0000000100000000"),
            (Int64.max, "1b7fffffffffffffff"), (-1, "20"), (-24, "37"), (-25, "3818"), (-1000, "3903e7"),
            (Int64.min, "3b7fffffffffffffff"),
        ]
        for (value, expected) in cases { XCTAssertEqual(hex(.integer(value)), expected, "\(value)") }
    }

    func testScalarsEncodeAsDocumented() {
        XCTAssertEqual(hex(.null), "f6")
        XCTAssertEqual(hex(.bool(false)), "f4")
        XCTAssertEqual(hex(.bool(true)), "f5")
        XCTAssertEqual(hex(.double(1.5)), "fb3ff8000000000000")
        XCTAssertEqual(hex(.double(1)), "fb3ff0000000000000")
        XCTAssertEqual(hex(.string("IETF")), "6449455446")
        XCTAssertEqual(hex(.blob([1, 2, 3, 4])), "4401020304")
        XCTAssertEqual(hex(.array([.integer(1), .array([])])), "820180")
        XCTAssertEqual(hex(.object(["a": .integer(1)])), "a1616101")
        XCTAssertEqual(hex(.blob([UInt8](repeating: 7, count: 300))).prefix(6), "59012c")
    }

    func testRandomDocumentsRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x7269_6275_7461_7279)
        for iteration in 0 ..< 500 {
            let document = randomDocument(depth: 0, using: &generator)
            for unit in [CBORTimestampUnit.milliseconds, .seconds] {
                let encoded = CBORDocumentEncoder.encode(document, timestampUnit: unit)
                XCTAssertEqual(try CBORDocumentDecoder.decode(encoded, timestampUnit: unit), document, "iteration \(iteration)")
            }
        }
    }

    // MARK: Rejection

    func testMalformedInputIsRefused() {
        let cases: [(String, String)] = [
            ("", "empty input"), ("18", "truncated 1-byte argument"), ("1901", "truncated 2-byte argument"),
            ("1b000000", "truncated 8-byte argument"), ("fb000000", "truncated double"), ("6261", "truncated text"),
            ("4401", "truncated bytes"), ("8201", "truncated array"), ("a16161", "map key without value"),
            ("0000", "trailing bytes"), ("f6f6", "trailing bytes after null"),
            ("1c", "reserved 28"), ("1d", "reserved 29"), ("1e", "reserved 30"), ("5c", "reserved 28 on bytes"),
            ("9e", "reserved 30 on array"), ("fc", "reserved 28 on simple"),
            ("ff", "break at top level"), ("8201ff", "break inside definite array"), ("a1ff", "break as map key"),
            ("bf6161ff", "break after map key"), ("1f", "indefinite integer"), ("3f", "indefinite negative"),
            ("df00", "indefinite tag"), ("9f01", "indefinite array without break"), ("5f4100", "indefinite bytes without break"),
            ("bf", "indefinite map without break"), ("5f6161ff", "text chunk in bytes"), ("7f4161ff", "bytes chunk in text"),
            ("5f5fffff", "nested indefinite chunk"), ("5f01ff", "integer chunk"),
            ("5bffffffffffffffff", "byte string longer than input"), ("7a7fffffff", "text longer than input"),
            ("9bffffffffffffffff", "array count beyond input"), ("bbffffffffffffffff", "map count beyond input"),
            ("9a000003e8010203", "array of 1000 in 3 bytes"), ("a3616101616202", "map of 3 pairs in 6 bytes"),
            ("5f5a7fffffffff", "chunk longer than input"),
            ("62c328", "invalid UTF-8"), ("61ff", "invalid UTF-8 byte"), ("63eda080", "encoded surrogate"),
            ("7f61c361a9ff", "character split across chunks"), ("a16261", "truncated key"),
            ("a10102", "integer map key"), ("a1c1616101", "tagged map key"), ("a1410101", "byte string map key"),
            ("c16161", "tag 1 around text"), ("c1c11a514b67b0", "tag 1 around tag 1"), ("c1f6", "tag 1 around null"),
            ("c1", "tag without content"), ("e0", "unassigned simple 0"), ("f3", "unassigned simple 19"),
            ("f810", "malformed two-byte simple"), ("f840", "unassigned two-byte simple"),
        ]
        for (input, reason) in cases {
            XCTAssertThrowsError(try decode(input), reason) { error in
                XCTAssertTrue(error is DocumentDecodingError, reason)
            }
        }
    }

    func testNestingIsCappedAtTheWireLimit() throws {
        let limit = WireLimits.nestingDepthMax
        for opener: UInt8 in [0x81, 0xC6] {  // one-element arrays, tag 6
            XCTAssertNoThrow(try CBORDocumentDecoder.decode([UInt8](repeating: opener, count: limit) + [0x00]))
            XCTAssertThrowsError(try CBORDocumentDecoder.decode([UInt8](repeating: opener, count: limit + 1) + [0x00]))
        }
        let indefinite = [UInt8](repeating: 0x9F, count: limit) + [UInt8](repeating: 0xFF, count: limit)
        XCTAssertNoThrow(try CBORDocumentDecoder.decode(indefinite))
        XCTAssertThrowsError(try CBORDocumentDecoder.decode([0x9F] + indefinite + [0xFF]))
        let maps: [UInt8] = Array([[UInt8]](repeating: [0xA1, 0x61, 0x61], count: limit + 1).joined()) + [0x00]
        XCTAssertThrowsError(try CBORDocumentDecoder.decode(maps))
        XCTAssertThrowsError(try CBORDocumentDecoder.decode([UInt8](repeating: 0x81, count: 100_000)))
    }

    func testTruncatedAndMutatedEncodingsNeverCrash() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0 ..< 300 {
            let encoded = CBORDocumentEncoder.encode(randomDocument(depth: 0, using: &generator))
            for cut in 0 ..< min(encoded.count, 40) {
                XCTAssertThrowsError(try CBORDocumentDecoder.decode(Array(encoded.prefix(cut))))
            }
            var mutated = encoded
            for _ in 0 ..< 4 {
                mutated[Int.random(in: 0 ..< mutated.count, using: &generator)] = randomByte(using: &generator)
            }
            _ = try? CBORDocumentDecoder.decode(mutated)
        }
        for _ in 0 ..< 2000 {
            let noise = (0 ..< Int.random(in: 0 ... 24, using: &generator)).map { _ in randomByte(using: &generator) }
            _ = try? CBORDocumentDecoder.decode(noise)
        }
    }

    /// botocore's CBOR parser (its `smithy-rpc-v2-cbor` protocol, tag 1 in seconds) must read what we write.
    func testBotocoreParsesOurEncoding() throws {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        guard (try? run(python, ["python3", "-c", "import botocore.parsers"])) == 0 else {
            throw XCTSkip("python3 with botocore is not installed")
        }
        let document: Document = .object([
            "Integers": .array([0, 24, -25, 70_000, Int64.max, Int64.min].map { .integer($0) }),
            "Double": .double(-1.5), "Text": .string("héllo 😀"), "Data": .blob([0, 1, 0xFF]), "Flag": .bool(true),
            "Arrival": .timestamp(1_363_896_240.5), "Nested": .object(["Empty": .array([]), "Whole": .timestamp(1_700_000_000)]),
        ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cbor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("document.cbor")
        let output = directory.appendingPathComponent("parsed.json")
        try Data(CBORDocumentEncoder.encode(document, timestampUnit: .seconds)).write(to: input)
        let script = """
        import base64, datetime, json, sys
        from botocore.parsers import RpcV2CBORParser
        parser = RpcV2CBORParser()
        value = parser.parse_data_item(parser.get_peekable_stream_from_bytes(open(sys.argv[1], 'rb').read()))
        def plain(v):
            if isinstance(v, bytes): return {'bytes': base64.b64encode(v).decode()}
            if isinstance(v, datetime.datetime): return {'timestamp': v.timestamp()}
            if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
            if isinstance(v, list): return [plain(x) for x in v]
            return v
        open(sys.argv[2], 'w').write(json.dumps(plain(value)))
        """
        XCTAssertEqual(try run(python, ["python3", "-c", script, input.path, output.path]), 0)
        let parsed = try JSONDocumentDecoder.decode(Array(Data(contentsOf: output)))
        XCTAssertEqual(parsed, .object([
            "Integers": .array([0, 24, -25, 70_000, Int64.max, Int64.min].map { .integer($0) }),
            "Double": .double(-1.5), "Text": .string("héllo 😀"), "Flag": .bool(true),
            "Data": .object(["bytes": .string("AAH/")]),
            "Arrival": .object(["timestamp": .double(1_363_896_240.5)]),
            "Nested": .object(["Empty": .array([]), "Whole": .object(["timestamp": .double(1_700_000_000)])]),
        ]))
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    // MARK: Random documents

    private func randomDocument(depth: Int, using generator: inout SeededGenerator) -> Document {
        let kind = Int.random(in: 0 ..< (depth < 4 ? 10 : 8), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let boundaries: [Int64] = [0, 23, 24, 255, 256, 65535, 65536, -24, -25, -257, Int64.max, Int64.min]
            if Bool.random(using: &generator) { return .integer(boundaries.randomElement(using: &generator)!) }
            return .integer(Int64.random(in: .min ... .max, using: &generator))
        case 3:
            let value = Double(bitPattern: UInt64.random(in: .min ... .max, using: &generator))
            return .double(value.isNaN ? 0.25 : value)
        case 4:
            let scalars = (0 ..< Int.random(in: 0 ... 30, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0 ... (Bool.random(using: &generator) ? 0x7F : 0x10FFFF), using: &generator))
            }
            return .string(String(String.UnicodeScalarView(scalars)))
        case 5: return .blob((0 ..< Int.random(in: 0 ... 300, using: &generator)).map { _ in randomByte(using: &generator) })
        case 6:
            // Whole milliseconds survive both units exactly; within ±2^45 ms so seconds * 1000 rounds back exactly.
            return .timestamp(Double(Int64.random(in: -(1 << 45) ... (1 << 45), using: &generator)) / 1000)
        case 7: return .string("")
        case 8:
            let count = Int.random(in: 0 ... 6, using: &generator)
            return .array((0 ..< count).map { _ in randomDocument(depth: depth + 1, using: &generator) })
        default:
            var members: [String: Document] = [:]
            for index in 0 ..< Int.random(in: 0 ... 6, using: &generator) {
                members["k\(index)é"] = randomDocument(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    private func randomByte(using generator: inout SeededGenerator) -> UInt8 { UInt8.random(in: 0 ... 255, using: &generator) }

    /// SplitMix64, so failures reproduce from the seed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }
}
