import TributaryLog
import XCTest
@testable import TributaryVideo

final class FragmentStoreRepairTests: XCTestCase {
    private var directory: FragmentStorageDirectory!
    private let mediaID = LogIdentifier(["video", "cam", "media"])
    private let indexID = LogIdentifier(["video", "cam", "index"])

    override func setUpWithError() throws {
        directory = try FragmentStorageDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testReopeningIndexesFragmentsWhoseIndexRecordsWereLost() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        var inputs = [sampleFragment(0), sampleFragment(1)]
        for input in inputs {
            _ = try await store.append(input, stream: "cam")
        }
        // A crash between the media append and the index append, twice: media batches with no index record.
        for seed in 2 ..< 4 {
            inputs.append(sampleFragment(seed, tagsBytes: 3))
            _ = try await records.log(mediaID).append(try FragmentMediaBatch.encode(inputs[seed]).records)
        }
        XCTAssertEqual(try records.log(indexID).endOffset, 2)
        try await records.close()

        let reopenedRecords = try directory.makeRecordStore()
        let reopened = FragmentStore(records: reopenedRecords)
        let listed = try reopened.fragments(stream: "cam")
        XCTAssertEqual(listed.count, 4)
        XCTAssertEqual(listed.map(\.serverTimestampMs), inputs.map(\.serverTimestampMs))
        for (input, fragment) in zip(inputs, listed) {
            XCTAssertEqual(try reopened.content(fragment.number, stream: "cam"), expectedContent(input, as: fragment))
        }

        // The next append writes the two missing index records before its own.
        inputs.append(sampleFragment(4))
        let fifth = try await reopened.append(inputs[4], stream: "cam")
        XCTAssertEqual(try reopenedRecords.log(indexID).endOffset, 5)
        try await reopenedRecords.close()
        XCTAssertEqual(try FragmentStore(records: try directory.makeRecordStore()).fragments(stream: "cam"), listed + [fifth])
    }

    func testIndexRecordsPointingPastTheMediaLogAreDropped() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        let kept = try await store.append(sampleFragment(0), stream: "cam")
        // An index record that survived a crash which lost its media (possible when fsync is not `always`).
        var lost = FragmentIndexEntry(fragment: kept, recordCount: 3, indexOffset: nil)
        lost.fragment.number = FragmentNumber(offset: 100)
        _ = try await records.log(indexID).append([LogRecordInput(key: [], value: lost.encodedIndexRecord)])
        try await records.close()

        let reopened = FragmentStore(records: try directory.makeRecordStore())
        XCTAssertEqual(try reopened.fragments(stream: "cam"), [kept])
        let next = try await reopened.append(sampleFragment(1), stream: "cam")
        XCTAssertEqual(try reopened.fragments(stream: "cam"), [kept, next])
    }

    func testMediaRecordsThisStoreNeverWroteAreReportedAsCorrupt() async throws {
        let records = try directory.makeRecordStore()
        _ = try await FragmentStore(records: records).append(sampleFragment(0), stream: "cam")
        let stranger = try await records.log(mediaID).append([LogRecordInput(key: Array("x".utf8), value: [1, 2, 3])])
        try await records.close()

        let reopened = FragmentStore(records: try directory.makeRecordStore())
        XCTAssertThrowsError(try reopened.fragments(stream: "cam")) { error in
            guard case .corruptMediaRecord(let stream, let offset, _) = error as? FragmentStoreError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(stream, "cam")
            XCTAssertEqual(offset, stranger.firstOffset)
        }
    }

    func testUndecodableIndexRecordIsReportedAsCorrupt() async throws {
        let records = try directory.makeRecordStore()
        _ = try await FragmentStore(records: records).append(sampleFragment(0), stream: "cam")
        let bad = try await records.log(indexID).append([LogRecordInput(key: [], value: [9, 9, 9])])
        try await records.close()

        let reopened = FragmentStore(records: try directory.makeRecordStore())
        XCTAssertThrowsError(try reopened.latest(stream: "cam")) { error in
            guard case .corruptIndexRecord(_, let offset, _) = error as? FragmentStoreError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(offset, bad.firstOffset)
        }
    }
}
