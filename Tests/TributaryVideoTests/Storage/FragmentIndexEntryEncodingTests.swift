import XCTest
@testable import TributaryVideo

final class FragmentIndexEntryEncodingTests: XCTestCase {
    private let entry = FragmentIndexEntry(
        fragment: StoredFragment(
            number: FragmentNumber(offset: 0x0102_0304_0506_0708), producerTimestampMs: 1_700_000_000_123,
            serverTimestampMs: -5, durationMs: 1_999, sizeBytes: 50_000_000),
        recordCount: 9, indexOffset: 42)

    func testIndexRecordRoundTripsAndHasTheDocumentedLayout() throws {
        let bytes = entry.encodedIndexRecord
        XCTAssertEqual(bytes.count, 45)
        XCTAssertEqual(bytes[0], 1, "format version")
        XCTAssertEqual(Array(bytes[1 ..< 9]), [8, 7, 6, 5, 4, 3, 2, 1], "little-endian number offset")
        XCTAssertEqual(Array(bytes[9 ..< 13]), [9, 0, 0, 0], "record count")
        XCTAssertEqual(try FragmentIndexEntry.decode(indexRecord: bytes, indexOffset: 42, stream: "s"), entry)
    }

    func testMediaHeaderRoundTripsWithTheNumberItWasFoundAt() throws {
        let bytes = entry.encodedMediaHeader
        XCTAssertEqual(bytes.count, 38)
        XCTAssertEqual(bytes[0], UInt8(ascii: "h"))
        let decoded = try FragmentIndexEntry.decode(mediaHeader: bytes, mediaOffset: entry.fragment.number.offset, stream: "s")
        XCTAssertEqual(decoded.fragment, entry.fragment)
        XCTAssertEqual(decoded.recordCount, 9)
        XCTAssertNil(decoded.indexOffset)
    }

    func testDamagedIndexRecordsAreRefusedWithTheirOffset() {
        var wrongVersion = entry.encodedIndexRecord
        wrongVersion[0] = 2
        var tooFewRecords = entry.encodedIndexRecord
        tooFewRecords[9] = 2
        var negativeDuration = entry.encodedIndexRecord
        negativeDuration.replaceSubrange(29 ..< 37, with: [UInt8](repeating: 0xFF, count: 8))
        for bytes in [Array(entry.encodedIndexRecord.dropLast()), wrongVersion, tooFewRecords, negativeDuration] {
            XCTAssertThrowsError(try FragmentIndexEntry.decode(indexRecord: bytes, indexOffset: 7, stream: "s")) { error in
                guard case .corruptIndexRecord("s", 7, _) = error as? FragmentStoreError else {
                    return XCTFail("unexpected error \(error)")
                }
            }
        }
    }

    func testMediaRecordsThatDoNotStartAFragmentAreRefused() {
        var cluster = entry.encodedMediaHeader
        cluster[0] = UInt8(ascii: "c")
        for bytes in [[UInt8(ascii: "h")], cluster] {
            XCTAssertThrowsError(try FragmentIndexEntry.decode(mediaHeader: bytes, mediaOffset: 3, stream: "s")) { error in
                guard case .corruptMediaRecord("s", 3, _) = error as? FragmentStoreError else {
                    return XCTFail("unexpected error \(error)")
                }
            }
        }
    }
}
