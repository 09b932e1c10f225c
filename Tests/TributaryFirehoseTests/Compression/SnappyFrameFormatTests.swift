import XCTest
@testable import TributaryFirehose

final class SnappyFrameFormatTests: XCTestCase {
    /// The reference implementation's framed stream of "hello hello hello hello firehose" (cramjam
    /// `snappy.compress`), checksum included.
    let referenceStream = CompressionSamples.hex(
        "ff060000734e61507059001800000991d100201468656c6c6f204606001c66697265686f7365"
    )
    let referenceText = Array("hello hello hello hello firehose".utf8)

    func testDecodesTheReferenceStream() throws {
        XCTAssertEqual(try SnappyFrameFormat.decode(referenceStream, maxBytes: 100), referenceText)
    }

    func testChecksumMatchesTheReferenceMaskedCRC32C() throws {
        let encoded = SnappyFrameFormat.encode(referenceText)
        XCTAssertEqual(Array(encoded[10 ..< 18]), Array(referenceStream[10 ..< 18]), "type, length and masked CRC")
        XCTAssertEqual(encoded, referenceStream, "same matcher decisions as the reference on this input")
    }

    func testEmptyInputIsJustTheStreamIdentifier() throws {
        XCTAssertEqual(SnappyFrameFormat.encode([]), SnappyFrameFormat.streamIdentifier)
        XCTAssertEqual(try SnappyFrameFormat.decode(SnappyFrameFormat.streamIdentifier, maxBytes: 0), [])
    }

    func testChunksHoldAtMost64KiBAndIncompressibleDataIsStored() throws {
        let input = CompressionSamples.random(count: 3 * 65536 + 10, seed: 11)
        let chunks = try chunkHeaders(SnappyFrameFormat.encode(input))
        XCTAssertEqual(chunks.map(\.type), [0x01, 0x01, 0x01, 0x01], "random data goes in uncompressed chunks")
        XCTAssertEqual(chunks.map(\.bodyBytes), [65540, 65540, 65540, 14])
        let repetitive = try chunkHeaders(SnappyFrameFormat.encode(CompressionSamples.repeated(1, count: 70_000)))
        XCTAssertEqual(repetitive.map(\.type), [0x00, 0x00], "repetitive data goes in compressed chunks")
    }

    func testSkipsPaddingAndSkippableChunksAndAcceptsConcatenatedStreams() throws {
        let first = SnappyFrameFormat.encode(Array("first ".utf8))
        let second = SnappyFrameFormat.encode(Array("second".utf8))
        let padding: [UInt8] = [0xFE, 3, 0, 0, 0, 0, 0]
        let skippable: [UInt8] = [0x80, 1, 0, 0, 0x55]
        let stream = first + padding + skippable + second
        XCTAssertEqual(try SnappyFrameFormat.decode(stream, maxBytes: 100), Array("first second".utf8))
    }

    func testRejectsEachKindOfCorruption() {
        let valid = SnappyFrameFormat.encode(referenceText)
        var wrongChecksum = valid
        wrongChecksum[14] ^= 1
        var wrongIdentifier = valid
        wrongIdentifier[5] = 0x6E
        let cases: [(String, [UInt8])] = [
            ("no identifier", Array(valid.dropFirst(10))),
            ("wrong identifier", wrongIdentifier),
            ("wrong checksum", wrongChecksum),
            ("truncated chunk", Array(valid.dropLast())),
            ("truncated header", SnappyFrameFormat.streamIdentifier + [0x00, 0x05]),
            ("reserved unskippable chunk", SnappyFrameFormat.streamIdentifier + [0x02, 0, 0, 0]),
            ("data chunk shorter than checksum", SnappyFrameFormat.streamIdentifier + [0x01, 2, 0, 0, 1, 2]),
            ("oversized uncompressed chunk", SnappyFrameFormat.streamIdentifier + [0x01, 0x05, 0x00, 0x01]
                + [UInt8](repeating: 0, count: 65541)),
        ]
        for (label, stream) in cases {
            XCTAssertThrowsError(try SnappyFrameFormat.decode(stream, maxBytes: 1 << 20), label) {
                guard case .corruptInput = $0 as? CompressionError else { return XCTFail("\(label): \($0)") }
            }
        }
    }

    /// The (type, body length) of each chunk after the stream identifier.
    private func chunkHeaders(_ stream: [UInt8]) throws -> [(type: UInt8, bodyBytes: Int)] {
        XCTAssertEqual(Array(stream.prefix(10)), SnappyFrameFormat.streamIdentifier)
        var headers: [(type: UInt8, bodyBytes: Int)] = []
        var position = 10
        while position < stream.count {
            let bodyBytes = Int(stream[position + 1]) | Int(stream[position + 2]) << 8 | Int(stream[position + 3]) << 16
            headers.append((stream[position], bodyBytes))
            position += 4 + bodyBytes
        }
        XCTAssertEqual(position, stream.count)
        return headers
    }
}
