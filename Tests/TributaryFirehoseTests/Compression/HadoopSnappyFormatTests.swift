import XCTest
@testable import TributaryFirehose

final class HadoopSnappyFormatTests: XCTestCase {
    /// python-snappy's `HadoopStreamCompressor` output for "hello hello hello hello firehose".
    let referenceObject = CompressionSamples.hex("0000002000000014201468656c6c6f204606001c66697265686f7365")

    func testDecodesTheReferenceObject() throws {
        XCTAssertEqual(
            try HadoopSnappyFormat.decode(referenceObject, maxBytes: 100), Array("hello hello hello hello firehose".utf8)
        )
    }

    func testEncodesOneSubChunkPer64KiBBlock() throws {
        let input = CompressionSamples.jsonLines(count: 3000)
        let object = HadoopSnappyFormat.encode(input)
        var position = 0
        var blockLengths: [Int] = []
        while position < object.count {
            let blockBytes = object[position ..< position + 4].reduce(0) { $0 << 8 | Int($1) }
            let chunkBytes = object[position + 4 ..< position + 8].reduce(0) { $0 << 8 | Int($1) }
            let chunk = Array(object[position + 8 ..< position + 8 + chunkBytes])
            XCTAssertEqual(try SnappyBlockDecoder.decompress(chunk, maxBytes: blockBytes).count, blockBytes)
            blockLengths.append(blockBytes)
            position += 8 + chunkBytes
        }
        XCTAssertEqual(blockLengths.dropLast(), Array(repeating: 65536, count: input.count / 65536)[...])
        XCTAssertEqual(blockLengths.reduce(0, +), input.count)
    }

    func testEmptyInputIsAnEmptyObject() throws {
        XCTAssertEqual(HadoopSnappyFormat.encode([]), [])
        XCTAssertEqual(try HadoopSnappyFormat.decode([], maxBytes: 0), [])
    }

    func testReadsBlocksSplitIntoSeveralSubChunks() throws {
        let first = SnappyBlockEncoder.compress(Array("split ".utf8))
        let second = SnappyBlockEncoder.compress(Array("block".utf8))
        var object: [UInt8] = [0, 0, 0, 11]
        object += [0, 0, 0, UInt8(first.count)] + first
        object += [0, 0, 0, UInt8(second.count)] + second
        XCTAssertEqual(try HadoopSnappyFormat.decode(object, maxBytes: 100), Array("split block".utf8))
    }

    func testRejectsEachKindOfCorruption() {
        let chunk = SnappyBlockEncoder.compress(Array("twelve bytes".utf8))
        let cases: [(String, [UInt8])] = [
            ("truncated block length", [0, 0]),
            ("missing sub-chunk", [0, 0, 0, 12]),
            ("sub-chunk past the end", [0, 0, 0, 12, 0, 0, 1, 0] + chunk),
            ("sub-chunks longer than the block", [0, 0, 0, 11, 0, 0, 0, UInt8(chunk.count)] + chunk),
            ("sub-chunks shorter than the block", [0, 0, 0, 13, 0, 0, 0, UInt8(chunk.count)] + chunk),
            ("corrupt sub-chunk", [0, 0, 0, 12, 0, 0, 0, 2, 12, 0xFF]),
        ]
        for (label, object) in cases {
            XCTAssertThrowsError(try HadoopSnappyFormat.decode(object, maxBytes: 1000), label) {
                guard case .corruptInput = $0 as? CompressionError else { return XCTFail("\(label): \($0)") }
            }
        }
    }

    func testRefusesABlockLengthOverTheLimit() {
        XCTAssertThrowsError(try HadoopSnappyFormat.decode([0x7F, 0, 0, 0, 0, 0, 0, 1, 0], maxBytes: 1 << 20)) {
            XCTAssertEqual($0 as? CompressionError, .outputTooLarge(limitBytes: 1 << 20))
        }
    }
}
