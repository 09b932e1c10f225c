import XCTest
@testable import TributaryVideo

final class StreamFragmentIndexTests: XCTestCase {
    private func entry(_ offset: UInt64, records: Int = 3, serverMs: Int64 = 0, indexOffset: UInt64? = nil) -> FragmentIndexEntry {
        FragmentIndexEntry(
            fragment: StoredFragment(
                number: FragmentNumber(offset: offset), producerTimestampMs: serverMs, serverTimestampMs: serverMs,
                durationMs: 1, sizeBytes: 10),
            recordCount: records, indexOffset: indexOffset)
    }

    func testALaterIndexRecordReplacesTheRecordsItOverlaps() {
        let records = [entry(0, indexOffset: 0), entry(3, indexOffset: 1), entry(6, indexOffset: 2),
                       entry(4, records: 4, indexOffset: 3), entry(8, indexOffset: 4)]
        let index = StreamFragmentIndex(indexRecords: records, mediaOffsets: 0 ..< 11)
        XCTAssertEqual(index.entries.map(\.fragment.number.offset), [0, 4, 8])
        XCTAssertEqual(index.entries.map(\.indexOffset), [0, 3, 4])
    }

    func testEntriesOutsideTheMediaLogAreLeftOut() {
        let records = (0 ..< 5).map { entry(UInt64($0) * 3, indexOffset: UInt64($0)) }
        let index = StreamFragmentIndex(indexRecords: records, mediaOffsets: 3 ..< 11)
        XCTAssertEqual(index.entries.map(\.fragment.number.offset), [3, 6], "0 was trimmed; 9 ..< 12 passes the end")
        XCTAssertEqual(index.mediaEndOffset, 9)
    }

    func testLookupsAreByExactNumberAndByFollowingNumber() {
        var index = StreamFragmentIndex()
        for offset in [0, 3, 10, 13] as [UInt64] {
            index.append(entry(offset))
        }
        XCTAssertEqual(index.entry(FragmentNumber(offset: 10))?.fragment.number.offset, 10)
        XCTAssertNil(index.entry(FragmentNumber(offset: 4)))
        XCTAssertEqual(index.first(after: nil)?.fragment.number.offset, 0)
        XCTAssertEqual(index.first(after: FragmentNumber(offset: 3))?.fragment.number.offset, 10)
        XCTAssertEqual(index.first(after: FragmentNumber(offset: 5))?.fragment.number.offset, 10)
        XCTAssertNil(index.first(after: FragmentNumber(offset: 13)))
        XCTAssertEqual(index.latest?.fragment.number.offset, 13)
    }

    func testRetentionCutPointsAtTheFirstKeptOffsetOfEachLog() {
        var index = StreamFragmentIndex()
        index.append(entry(0, serverMs: 10, indexOffset: 5))
        index.append(entry(3, serverMs: 20, indexOffset: 6))
        index.append(entry(6, serverMs: 30, indexOffset: 7))
        index.append(entry(9, serverMs: 40))
        XCTAssertNil(index.removeEntries(serverTimestampBeforeMs: 10))
        XCTAssertEqual(index.removeEntries(serverTimestampBeforeMs: 21),
                       FragmentRetentionCut(removedCount: 2, mediaFirstKeptOffset: 6, indexFirstKeptOffset: 7))
        XCTAssertEqual(index.removeEntries(serverTimestampBeforeMs: 31),
                       FragmentRetentionCut(removedCount: 1, mediaFirstKeptOffset: 9, indexFirstKeptOffset: 8),
                       "the first kept entry is not written yet: trim past the last written one")
        XCTAssertEqual(index.removeEntries(serverTimestampBeforeMs: 41),
                       FragmentRetentionCut(removedCount: 1, mediaFirstKeptOffset: 12, indexFirstKeptOffset: nil))
        XCTAssertEqual(index.entries, [])
    }

    func testUnwrittenEntriesAreTheSuffixWithoutIndexOffsets() {
        var index = StreamFragmentIndex(indexRecords: [entry(0, indexOffset: 0)], mediaOffsets: 0 ..< 9)
        index.append(entry(3))
        index.append(entry(6))
        XCTAssertEqual(index.unwritten.map(\.fragment.number.offset), [3, 6])
        index.recordIndexOffset(1, for: FragmentNumber(offset: 3))
        index.recordIndexOffset(2, for: FragmentNumber(offset: 6))
        index.recordIndexOffset(9, for: FragmentNumber(offset: 4))
        XCTAssertEqual(index.unwritten.count, 0)
        XCTAssertEqual(index.entries.map(\.indexOffset), [0, 1, 2])
    }
}
