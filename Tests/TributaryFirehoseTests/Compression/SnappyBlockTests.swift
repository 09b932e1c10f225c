import XCTest
@testable import TributaryFirehose

final class SnappyBlockTests: XCTestCase {
    static let wikipedia = Array(
        ("Wikipedia is a free, web-based, collaborative, multilingual encyclopedia project. Wikipedia Wikipedia "
            + "encyclopedia").utf8
    )
    /// The reference Snappy library's raw block for `wikipedia` (via cramjam's `snappy.compress_raw`).
    static let wikipediaReferenceBlock = CompressionSamples.hex(
        "72f04357696b697065646961206973206120667265652c207765622d62617365642c20636f6c6c61626f7261746976652c20"
            + "6d756c74696c696e6775616c20656e6379636c6f70053f2070726f6a6563742e201952190a2c656e6379636c6f7065646961"
    )

    func testDecodesTheReferenceLibrarysBlock() throws {
        XCTAssertEqual(try SnappyBlockDecoder.decompress(Self.wikipediaReferenceBlock, maxBytes: 200), Self.wikipedia)
    }

    func testEncodesLiteralsAndCopiesLikeTheReference() throws {
        let block = SnappyBlockEncoder.compress(Self.wikipedia)
        XCTAssertEqual(Array(block.prefix(1)), [114], "varint preamble holds the length")
        XCTAssertLessThanOrEqual(block.count, Self.wikipediaReferenceBlock.count, "copies found as the reference does")
        XCTAssertLessThan(block.count, Self.wikipedia.count - 10, "all literals would take 117 bytes")
        XCTAssertEqual(try SnappyBlockDecoder.decompress(block, maxBytes: 200), Self.wikipedia)
    }

    func testPreambleIsAMultiByteVarintForLargeInputs() throws {
        let block = SnappyBlockEncoder.compress(CompressionSamples.repeated(7, count: 300_000))
        XCTAssertEqual(Array(block.prefix(3)), [0xE0, 0xA7, 0x12], "300000 as little-endian base-128")
        XCTAssertLessThan(block.count, 300_000 / 20)
    }

    func testRoundTripsAroundFragmentAndMarginBoundaries() throws {
        for count in [0, 1, 4, 14, 15, 16, 17, 100, 65535, 65536, 65537, 131_072, 200_003] {
            for input in [CompressionSamples.random(count: count, seed: UInt64(count)),
                          CompressionSamples.repeated(9, count: count),
                          Array(CompressionSamples.jsonLines(count: count / 80 + 1).prefix(count))] {
                let block = SnappyBlockEncoder.compress(input)
                XCTAssertLessThanOrEqual(block.count, SnappyBlockEncoder.compressedBytesMax(count))
                XCTAssertEqual(try SnappyBlockDecoder.decompress(block, maxBytes: count), input, "count \(count)")
            }
        }
    }

    func testDecodesEveryElementForm() throws {
        // "abcd" literal, then copies in the 1-, 2- and 4-byte-offset forms, then a literal with a 1-byte length.
        let longLiteral = [UInt8](repeating: 0x7A, count: 61)
        var block: [UInt8] = [4 + 4 + 6 + 4 + 61]
        block += [3 << 2] + Array("abcd".utf8)
        block += [1 | (4 - 4) << 2, 4]
        block += [2 | (6 - 1) << 2, 8, 0]
        block += [3 | (4 - 1) << 2, 12, 0, 0, 0]
        block += [60 << 2, 60] + longLiteral
        let expected = Array("abcdabcdabcdabcdabcdabcd".utf8.prefix(18)) + longLiteral
        XCTAssertEqual(try SnappyBlockDecoder.decompress(block, maxBytes: 1000), expected)
    }

    func testOverlappingCopyRepeatsAShortPattern() throws {
        let block: [UInt8] = [10, 1 << 2, 0x61, 0x62, 1 | (8 - 4) << 2, 2]
        XCTAssertEqual(try SnappyBlockDecoder.decompress(block, maxBytes: 10), Array("ababababab".utf8))
    }

    func testRejectsEachKindOfCorruption() {
        let cases: [(String, [UInt8])] = [
            ("empty input", []),
            ("unterminated varint", [0x80, 0x80]),
            ("varint past 32 bits", [0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
            ("six-byte varint", [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
            ("literal past input", [5, 4 << 2, 0x61, 0x62]),
            ("literal past declared length", [1, 1 << 2, 0x61, 0x62]),
            ("truncated literal length", [100, 61 << 2, 0x05]),
            ("copy with offset zero", [8, 3 << 2, 1, 2, 3, 4, 1, 0]),
            ("copy before the start", [8, 3 << 2, 1, 2, 3, 4, 1, 5]),
            ("copy past declared length", [6, 3 << 2, 1, 2, 3, 4, 1, 4]),
            ("truncated copy offset", [8, 3 << 2, 1, 2, 3, 4, 2 | 3 << 2, 4]),
            ("shorter than declared", [9, 3 << 2, 1, 2, 3, 4]),
        ]
        for (label, block) in cases {
            XCTAssertThrowsError(try SnappyBlockDecoder.decompress(block, maxBytes: 1000), label) {
                guard case .corruptInput = $0 as? CompressionError else { return XCTFail("\(label): \($0)") }
            }
        }
    }

    func testRefusesADeclaredLengthOverTheLimitBeforeAllocating() {
        let hugeClaim: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0]
        XCTAssertThrowsError(try SnappyBlockDecoder.decompress(hugeClaim, maxBytes: 1 << 20)) {
            XCTAssertEqual($0 as? CompressionError, .outputTooLarge(limitBytes: 1 << 20))
        }
    }

    func testMutatedBlocksNeverCrashAndAlwaysMatchTheirDeclaredLength() throws {
        let original = SnappyBlockEncoder.compress(CompressionSamples.jsonLines(count: 40))
        var noise = CompressionSamples.random(count: 3 * 4000, seed: 7).makeIterator()
        var rejected = 0
        for _ in 0 ..< 4000 {
            var mutated = original
            let position = (Int(noise.next()!) << 8 | Int(noise.next()!)) % mutated.count
            mutated[position] ^= noise.next()! | 1
            do {
                let decoded = try SnappyBlockDecoder.decompress(mutated, maxBytes: 1 << 16)
                let declared = try mutated.withUnsafeBufferPointer { try SnappyBlockDecoder.declaredLength($0) }
                XCTAssertEqual(decoded.count, declared.length)
            } catch {
                rejected += 1
            }
        }
        XCTAssertGreaterThan(rejected, 100, "most single-byte changes break a block's structure")
    }
}
