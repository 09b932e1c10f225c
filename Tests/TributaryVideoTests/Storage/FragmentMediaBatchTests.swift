import TributaryLog
import XCTest
@testable import TributaryVideo

final class FragmentMediaBatchTests: XCTestCase {
    /// The records of `input` as the log would return them from offset `first`.
    private func stored(_ records: [LogRecordInput], at first: UInt64) -> [LogRecord] {
        records.enumerated().map { position, record in
            LogRecord(offset: first + UInt64(position), timestampMs: 0, key: record.key, value: record.value, attributes: 0)
        }
    }

    private func numbered(_ header: FragmentIndexEntry, _ offset: UInt64) -> FragmentIndexEntry {
        var entry = header
        entry.fragment.number = FragmentNumber(offset: offset)
        return entry
    }

    func testEmptyPartsStillGetOneRecordEach() throws {
        let input = FragmentInput(producerTimestampMs: 1, serverTimestampMs: 2, durationMs: 3, head: [], cluster: [])
        let (header, records) = try FragmentMediaBatch.encode(input)
        XCTAssertEqual(records.map { $0.key.first }, [UInt8(ascii: "h"), UInt8(ascii: "c"), UInt8(ascii: "t")])
        XCTAssertEqual(header.recordCount, 3)
        let content = try FragmentMediaBatch.content(of: stored(records, at: 4), entry: numbered(header, 4), stream: "s")
        XCTAssertEqual(content, FragmentContent(fragment: numbered(header, 4).fragment, head: [], cluster: [], tags: []))
    }

    func testRecordsOutOfOrderOrMissingAreRefused() throws {
        let (header, records) = try FragmentMediaBatch.encode(sampleFragment(1, tagsBytes: 4))
        let entry = numbered(header, 10)
        var swapped = records
        swapped.swapAt(1, 2)
        var noCluster = records
        noCluster[1] = LogRecordInput(key: [UInt8(ascii: "h")], value: records[1].value)
        var unknownKind = records
        unknownKind[2] = LogRecordInput(key: [UInt8(ascii: "z")], value: [])
        for damaged in [swapped, noCluster, unknownKind, Array(records.dropLast())] {
            XCTAssertThrowsError(try FragmentMediaBatch.content(of: stored(damaged, at: 10), entry: entry, stream: "s")) { error in
                guard case .corruptMediaRecord("s", _, _) = error as? FragmentStoreError else {
                    return XCTFail("unexpected error \(error)")
                }
            }
        }
    }

    func testABatchThatDoesNotMatchItsIndexEntryIsRefused() throws {
        let (header, records) = try FragmentMediaBatch.encode(sampleFragment(1))
        var otherTimestamp = numbered(header, 0)
        otherTimestamp.fragment.serverTimestampMs += 1
        var otherSize = numbered(header, 0)
        otherSize.fragment.sizeBytes += 1
        for entry in [otherTimestamp, otherSize] {
            XCTAssertThrowsError(try FragmentMediaBatch.content(of: stored(records, at: 0), entry: entry, stream: "s"))
        }
        XCTAssertThrowsError(
            try FragmentMediaBatch.content(of: stored(records, at: 1), entry: numbered(header, 0), stream: "s"),
            "records from another offset")
    }
}
