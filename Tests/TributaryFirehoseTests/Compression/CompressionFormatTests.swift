import XCTest
@testable import TributaryFirehose

final class CompressionFormatTests: XCTestCase {
    func testRawValuesAreFirehoseAPINames() {
        XCTAssertEqual(CompressionFormat.allCases.map(\.rawValue), ["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"])
        XCTAssertNil(CompressionFormat(rawValue: "SNAPPY"), "the API spells it Snappy")
    }

    func testObjectNameSuffixesAreFirehoseDefaultExtensions() {
        XCTAssertEqual(CompressionFormat.uncompressed.objectNameSuffix, "")
        XCTAssertEqual(CompressionFormat.gzip.objectNameSuffix, ".gz")
        XCTAssertEqual(CompressionFormat.zip.objectNameSuffix, ".zip")
        XCTAssertEqual(CompressionFormat.snappy.objectNameSuffix, ".snappy")
        XCTAssertEqual(CompressionFormat.hadoopSnappy.objectNameSuffix, ".hsnappy")
    }

    func testEveryFormatRoundTripsEverySample() throws {
        for format in CompressionFormat.allCases {
            for sample in CompressionSamples.roundTripInputs {
                let compressed = try format.compress(sample.bytes, entryName: "object")
                let restored = try format.decompress(compressed, maxBytes: sample.bytes.count)
                XCTAssertEqual(restored, sample.bytes, "\(format) lost data of \(sample.label)")
            }
        }
    }

    func testCompressingFormatsShrinkRepetitiveRecords() throws {
        let records = CompressionSamples.jsonLines(count: 2000)
        for format in CompressionFormat.allCases where format != .uncompressed {
            let compressed = try format.compress(records, entryName: "object")
            XCTAssertLessThan(compressed.count, records.count / 3, "\(format) barely compressed JSON records")
        }
        XCTAssertEqual(try CompressionFormat.uncompressed.compress(records, entryName: "object"), records)
    }

    func testEachFormatStartsWithItsMagic() throws {
        let data = Array("magic".utf8)
        XCTAssertEqual(Array(try CompressionFormat.gzip.compress(data, entryName: "x").prefix(3)), [0x1F, 0x8B, 0x08])
        XCTAssertEqual(Array(try CompressionFormat.zip.compress(data, entryName: "x").prefix(4)), [0x50, 0x4B, 3, 4])
        XCTAssertEqual(
            Array(try CompressionFormat.snappy.compress(data, entryName: "x").prefix(10)),
            SnappyFrameFormat.streamIdentifier
        )
        XCTAssertEqual(
            Array(try CompressionFormat.hadoopSnappy.compress(data, entryName: "x").prefix(4)), [0, 0, 0, 5]
        )
    }

    func testDecompressionRespectsTheLimitInEveryFormat() throws {
        let data = CompressionSamples.jsonLines(count: 100)
        for format in CompressionFormat.allCases {
            let compressed = try format.compress(data, entryName: "object")
            XCTAssertThrowsError(try format.decompress(compressed, maxBytes: data.count - 1), "\(format)") { error in
                XCTAssertEqual(error as? CompressionError, .outputTooLarge(limitBytes: data.count - 1))
            }
        }
    }

    func testGarbageIsRejectedByEveryCompressedFormat() {
        let garbage = CompressionSamples.random(count: 300, seed: 99)
        for format in CompressionFormat.allCases where format != .uncompressed {
            XCTAssertThrowsError(try format.decompress(garbage, maxBytes: 1 << 20), "\(format) accepted garbage") {
                switch $0 as? CompressionError {
                case .corruptInput: break
                case .outputTooLarge: XCTAssertEqual(format, .hadoopSnappy, "only a block length claims a size")
                default: XCTFail("\(format): \($0)")
                }
            }
        }
    }
}
