import XCTest
@testable import TributaryFirehose

/// Hostile-input checks for every reader: damaged objects throw a `CompressionError` (or, when the damage lands in
/// data the format does not checksum, decode within the limit), and never crash or hang.
final class CorruptObjectTests: XCTestCase {
    let original = CompressionSamples.jsonLines(count: 30) + CompressionSamples.random(count: 500, seed: 21)

    func testEveryTruncationIsRejected() throws {
        for format in CompressionFormat.allCases where format != .uncompressed {
            let object = try format.compress(original, entryName: "entry")
            // The framing format has no end marker: a cut right after the stream identifier is a valid empty stream.
            for cut in 1 ..< object.count where !(format == .snappy && cut == SnappyFrameFormat.streamIdentifier.count) {
                XCTAssertThrowsError(
                    try format.decompress(Array(object.prefix(cut)), maxBytes: 1 << 20), "\(format) cut at \(cut)"
                ) { XCTAssertTrue($0 is CompressionError) }
            }
        }
    }

    func testSingleByteDamageIsCaughtByTheChecksummedFormats() throws {
        var noise = CompressionSamples.random(count: 3 * 3 * 600, seed: 22).makeIterator()
        for format in [CompressionFormat.gzip, .zip, .snappy] {
            let object = try format.compress(original, entryName: "entry")
            for _ in 0 ..< 600 {
                var damaged = object
                let position = (Int(noise.next()!) << 8 | Int(noise.next()!)) % damaged.count
                damaged[position] ^= noise.next()! | 1
                if let decoded = try? format.decompress(damaged, maxBytes: 1 << 20) {
                    // Only bytes no reader checks (the gzip mtime or OS byte, ZIP's version, time or attribute
                    // fields) may change without an error, and then the data must be intact. The one exception is
                    // the framing format's chunk type: turned into a skippable type, the chunk is legitimately skipped.
                    let isSkippedChunk = format == .snappy && position == 10 && decoded.isEmpty
                    XCTAssertTrue(decoded == original || isSkippedChunk, "\(format) wrong data, damage at \(position)")
                }
            }
        }
    }

    func testHadoopSnappyDamageNeverEscapesTheLimit() throws {
        let object = try CompressionFormat.hadoopSnappy.compress(original, entryName: "entry")
        var noise = CompressionSamples.random(count: 3 * 600, seed: 23).makeIterator()
        for _ in 0 ..< 600 {
            var damaged = object
            let position = (Int(noise.next()!) << 8 | Int(noise.next()!)) % damaged.count
            damaged[position] ^= noise.next()! | 1
            do {
                let decoded = try CompressionFormat.hadoopSnappy.decompress(damaged, maxBytes: 4096)
                XCTAssertEqual(decoded.count, original.count, "lengths are checked even without a checksum")
            } catch {
                XCTAssertTrue(error is CompressionError)
            }
        }
    }
}
