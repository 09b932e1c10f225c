import XCTest
@testable import TributaryFirehose

final class GzipCodecTests: XCTestCase {
    /// `printf 'hello, firehose\n' | gzip -n`: GNU gzip's output, so our decoder reads another tool's gzip.
    let gzipToolOutput = CompressionSamples.hex("1f8b0800000000000003cb48cdc9c9d75148cb2c4acdc82f4ee502009455d0db10000000")

    func testDecodesGzipToolOutput() throws {
        XCTAssertEqual(try GzipCodec.decompress(gzipToolOutput, maxBytes: 100), Array("hello, firehose\n".utf8))
    }

    func testOutputIsAnRFC1952MemberWithLengthTrailer() throws {
        let data = CompressionSamples.jsonLines(count: 10)
        let compressed = try GzipCodec.compress(data)
        XCTAssertEqual(Array(compressed.prefix(3)), [0x1F, 0x8B, 0x08], "magic and deflate method")
        let trailerLength = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(trailerLength, data.count, "ISIZE trailer")
    }

    func testReadsConcatenatedMembersAsGunzipDoes() throws {
        let first = try GzipCodec.compress(Array("first ".utf8))
        let second = try GzipCodec.compress(Array("second".utf8))
        XCTAssertEqual(try GzipCodec.decompress(first + second, maxBytes: 100), Array("first second".utf8))
    }

    func testRejectsTruncatedStream() throws {
        let compressed = try GzipCodec.compress(CompressionSamples.jsonLines(count: 50))
        for cut in [0, 5, 10, compressed.count / 2, compressed.count - 1] {
            XCTAssertThrowsError(try GzipCodec.decompress(Array(compressed.prefix(cut)), maxBytes: 1 << 20)) {
                XCTAssertEqual($0 as? CompressionError, .corruptInput("the compressed stream is truncated"), "cut \(cut)")
            }
        }
    }

    func testRejectsWrongCRC() throws {
        var compressed = try GzipCodec.compress(Array("checksummed".utf8))
        compressed[compressed.count - 8] ^= 0xFF
        XCTAssertThrowsError(try GzipCodec.decompress(compressed, maxBytes: 100)) {
            guard case .corruptInput = $0 as? CompressionError else { return XCTFail("\($0)") }
        }
    }

    func testRejectsTrailingGarbageAfterAMember() throws {
        let compressed = try GzipCodec.compress(Array("data".utf8)) + [0x00, 0x01, 0x02]
        XCTAssertThrowsError(try GzipCodec.decompress(compressed, maxBytes: 100))
    }

    func testStopsABombAtTheLimit() throws {
        let bomb = try GzipCodec.compress(CompressionSamples.repeated(0, count: 8 << 20))
        XCTAssertLessThan(bomb.count, 16 * 1024)
        XCTAssertThrowsError(try GzipCodec.decompress(bomb, maxBytes: 1 << 20)) {
            XCTAssertEqual($0 as? CompressionError, .outputTooLarge(limitBytes: 1 << 20))
        }
    }
}
