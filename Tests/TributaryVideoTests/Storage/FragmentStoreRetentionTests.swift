import TributaryLog
import XCTest
@testable import TributaryVideo

final class FragmentStoreRetentionTests: XCTestCase {
    private var directory: FragmentStorageDirectory!

    override func setUpWithError() throws {
        directory = try FragmentStorageDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    /// 40 fragments received one second apart; in 1 KiB segments each media batch gets a segment of its own.
    private func makeStream(_ records: FileRecordStore) async throws -> (FragmentStore, [StoredFragment]) {
        let store = FragmentStore(records: records)
        var stored: [StoredFragment] = []
        for seed in 0 ..< 40 {
            stored.append(try await store.append(
                sampleFragment(seed, clusterBytes: 900, serverTimestampMs: 1_000 * Int64(seed)), stream: "cam"))
        }
        return (store, stored)
    }

    func testRetentionRemovesOldFragmentsAndDeletesWholeSegments() async throws {
        let records = try directory.makeRecordStore(segmentBytesMax: 1_024, fsync: .always)
        let (store, stored) = try await makeStream(records)
        let mediaFilesBefore = try directory.segmentFileCount(stream: "cam", log: "media")
        let indexFilesBefore = try directory.segmentFileCount(stream: "cam", log: "index")
        XCTAssertEqual(mediaFilesBefore, 40)
        XCTAssertGreaterThan(indexFilesBefore, 2)

        let removed = try store.applyRetention(stream: "cam", retentionMs: 1_000, nowMs: 31_000)
        XCTAssertEqual(removed, 30, "received before 30 000 ms")
        XCTAssertEqual(try store.fragments(stream: "cam"), Array(stored[30...]))
        XCTAssertNil(try store.fragment(stored[29].number, stream: "cam"))
        XCTAssertNil(try store.content(stored[29].number, stream: "cam"))
        XCTAssertNotNil(try store.content(stored[30].number, stream: "cam"))
        XCTAssertEqual(try store.fragment(after: nil, stream: "cam"), stored[30])
        XCTAssertEqual(try directory.segmentFileCount(stream: "cam", log: "media"), 10)
        XCTAssertLessThan(try directory.segmentFileCount(stream: "cam", log: "index"), indexFilesBefore)

        // A restart lists exactly the kept fragments: the media log now starts at the first kept one.
        try await records.close()
        let reopenedRecords = try directory.makeRecordStore(segmentBytesMax: 1_024)
        let reopened = FragmentStore(records: reopenedRecords)
        XCTAssertEqual(try reopened.fragments(stream: "cam"), Array(stored[30...]))

        XCTAssertEqual(try reopened.applyRetention(stream: "cam", retentionMs: 1_000, nowMs: Int64.max), 10)
        XCTAssertEqual(try reopened.fragments(stream: "cam"), [])
        XCTAssertNil(try reopened.latest(stream: "cam"))
        XCTAssertEqual(try directory.segmentFileCount(stream: "cam", log: "media"), 1, "the active segment stays")
        XCTAssertEqual(try directory.segmentFileCount(stream: "cam", log: "index"), 1)
        let next = try await reopened.append(sampleFragment(50), stream: "cam")
        XCTAssertGreaterThan(next.number, stored[39].number)
        XCTAssertEqual(try reopened.fragments(stream: "cam"), [next])
    }

    func testRetentionKeepsFragmentsReceivedAtOrAfterTheCutoff() async throws {
        let (store, stored) = try await makeStream(try directory.makeRecordStore(segmentBytesMax: 1_024))
        XCTAssertEqual(try store.applyRetention(stream: "cam", retentionMs: 40_000, nowMs: 40_000), 0)
        XCTAssertEqual(try store.fragments(stream: "cam"), stored)
        XCTAssertEqual(try directory.segmentFileCount(stream: "cam", log: "media"), 40)
        XCTAssertEqual(try store.applyRetention(stream: "cam", retentionMs: Int64.min, nowMs: 0), 0,
                       "an overflowing cutoff removes nothing")
    }

    func testDeleteStreamRemovesItsDirectoryAndForgetsIt() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        _ = try await store.append(sampleFragment(0), stream: "gone.1")
        let other = try await store.append(sampleFragment(1), stream: "kept.2")
        XCTAssertTrue(directory.hasDirectory(stream: "gone.1"))

        try store.deleteStream("gone.1")
        XCTAssertFalse(directory.hasDirectory(stream: "gone.1"))
        XCTAssertEqual(try store.fragments(stream: "kept.2"), [other])
        XCTAssertEqual(try store.fragments(stream: "gone.1"), [], "a stream created again with the key starts empty")
        try store.deleteStream("never-created.3")
    }
}
