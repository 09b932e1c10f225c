import TributaryLog
import XCTest
@testable import TributaryVideo

/// Ordinals count fragments one by one and do not move when retention removes older ones or a crash loses index
/// records, so HLS media sequence numbers stay stable.
final class FragmentStoreOrdinalTests: XCTestCase {
    private var directory: FragmentStorageDirectory!

    override func setUpWithError() throws {
        directory = try FragmentStorageDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testOrdinalsCountFragmentsAndSurviveRetention() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        var stored: [StoredFragment] = []
        for seed in 0 ..< 5 {
            stored.append(try await store.append(sampleFragment(seed, serverTimestampMs: 1_000 * Int64(seed + 1)),
                                                 stream: "cam"))
        }
        XCTAssertEqual(try store.fragmentOrdinals(stream: "cam").map(\.ordinal), [0, 1, 2, 3, 4])
        XCTAssertEqual(try store.fragmentOrdinals(stream: "cam").map(\.fragment), stored)

        XCTAssertEqual(try store.applyRetention(stream: "cam", retentionMs: 0, nowMs: 2_500), 2)
        let kept = try store.fragmentOrdinals(stream: "cam")
        XCTAssertEqual(kept.map(\.ordinal), [2, 3, 4])
        XCTAssertEqual(kept.map(\.fragment), Array(stored[2...]))
    }

    func testOrdinalsOfRepairedFragmentsAreTheOffsetsTheyWillBeWrittenAt() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        _ = try await store.append(sampleFragment(0), stream: "cam")
        // A crash between the media append and the index append: a media batch without its index record.
        _ = try await records.log(LogIdentifier(["video", "cam", "media"]))
            .append(try FragmentMediaBatch.encode(sampleFragment(1)).records)
        try await records.close()

        let reopenedRecords = try directory.makeRecordStore()
        let reopened = FragmentStore(records: reopenedRecords)
        XCTAssertEqual(try reopened.fragmentOrdinals(stream: "cam").map(\.ordinal), [0, 1])
        _ = try await reopened.append(sampleFragment(2), stream: "cam")
        XCTAssertEqual(try reopened.fragmentOrdinals(stream: "cam").map(\.ordinal), [0, 1, 2])
        try await reopenedRecords.close()
    }
}
