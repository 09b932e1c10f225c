import TributaryLog
import XCTest
@testable import TributaryVideo

final class FragmentStoreAppendReadTests: XCTestCase {
    private var directory: FragmentStorageDirectory!

    override func setUpWithError() throws {
        directory = try FragmentStorageDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testAppendedFragmentsReadBackByteExactWithIncreasingNumbers() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let inputs = [sampleFragment(1), sampleFragment(2, tagsBytes: 300), sampleFragment(3, clusterBytes: 0)]
        var stored: [StoredFragment] = []
        for input in inputs {
            stored.append(try await store.append(input, stream: "cam"))
        }
        XCTAssertEqual(stored.map(\.number), stored.map(\.number).sorted())
        XCTAssertEqual(Set(stored.map(\.number)).count, 3)
        XCTAssertEqual(try store.fragments(stream: "cam"), stored)
        for (input, fragment) in zip(inputs, stored) {
            XCTAssertEqual(fragment.producerTimestampMs, input.producerTimestampMs)
            XCTAssertEqual(fragment.serverTimestampMs, input.serverTimestampMs)
            XCTAssertEqual(fragment.durationMs, input.durationMs)
            XCTAssertEqual(fragment.sizeBytes, input.cluster.count)
            XCTAssertEqual(try store.fragment(fragment.number, stream: "cam"), fragment)
            XCTAssertEqual(try store.content(fragment.number, stream: "cam"), expectedContent(input, as: fragment))
        }
    }

    func testClusterLargerThanOneRecordSpansSeveralRecordsAndReadsBackExactly() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        let recordBytesMax = FragmentStoreLimits.recordValueBytesMax
        let large = sampleFragment(7, clusterBytes: 2 * recordBytesMax + 123, tagsBytes: 10)
        let first = try await store.append(large, stream: "cam")
        let second = try await store.append(sampleFragment(8), stream: "cam")
        XCTAssertEqual(second.number.offset - first.number.offset, 5, "head, three cluster records, tags")
        XCTAssertEqual(try store.content(first.number, stream: "cam"), expectedContent(large, as: first))

        let media = try records.log(LogIdentifier(["video", "cam", "media"]))
        let batch = try media.read(from: first.number.offset, maxRecords: 5, maxBytes: Int.max)
        XCTAssertEqual(batch.map { $0.key.first }, [UInt8(ascii: "h"), UInt8(ascii: "c"), UInt8(ascii: "c"), UInt8(ascii: "c"), UInt8(ascii: "t")])
        XCTAssertEqual(batch.map(\.value.count), [large.head.count, recordBytesMax, recordBytesMax, 123, 10])
    }

    func testFragmentAfterAndLatestFollowNumberOrder() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        XCTAssertNil(try store.latest(stream: "cam"))
        XCTAssertNil(try store.fragment(after: nil, stream: "cam"))
        var stored: [StoredFragment] = []
        for seed in 0 ..< 4 {
            stored.append(try await store.append(sampleFragment(seed), stream: "cam"))
        }
        XCTAssertEqual(try store.fragment(after: nil, stream: "cam"), stored[0])
        XCTAssertEqual(try store.fragment(after: stored[1].number, stream: "cam"), stored[2])
        let betweenTwoAndThree = FragmentNumber(offset: stored[2].number.offset + 1)
        XCTAssertEqual(try store.fragment(after: betweenTwoAndThree, stream: "cam"), stored[3])
        XCTAssertNil(try store.fragment(after: stored[3].number, stream: "cam"))
        XCTAssertEqual(try store.latest(stream: "cam"), stored[3])
    }

    func testUnknownNumberHasNoEntryAndNoContent() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let stored = try await store.append(sampleFragment(1), stream: "cam")
        let inside = FragmentNumber(offset: stored.number.offset + 1) // a cluster record, not a fragment start
        XCTAssertNil(try store.fragment(inside, stream: "cam"))
        XCTAssertNil(try store.content(inside, stream: "cam"))
        XCTAssertNil(try store.content(FragmentNumber(offset: 1_000), stream: "cam"))
    }

    func testStreamsStayIndependent() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let inputA = sampleFragment(1)
        let inputB = sampleFragment(2, tagsBytes: 5)
        let a = try await store.append(inputA, stream: "a.1")
        let b = try await store.append(inputB, stream: "b.2")
        XCTAssertEqual(a.number, b.number, "each stream numbers from its own log")
        XCTAssertEqual(try store.content(a.number, stream: "a.1"), expectedContent(inputA, as: a))
        XCTAssertEqual(try store.content(b.number, stream: "b.2"), expectedContent(inputB, as: b))
        _ = try await store.append(sampleFragment(3), stream: "a.1")
        XCTAssertEqual(try store.fragments(stream: "a.1").count, 2)
        XCTAssertEqual(try store.fragments(stream: "b.2"), [b])
    }

    func testReopenedStoreSeesEveryFragment() async throws {
        let records = try directory.makeRecordStore(fsync: .always)
        let store = FragmentStore(records: records)
        var inputs: [FragmentInput] = []
        var stored: [StoredFragment] = []
        for seed in 0 ..< 5 {
            inputs.append(sampleFragment(seed, tagsBytes: seed))
            stored.append(try await store.append(inputs[seed], stream: "cam"))
        }
        try await records.close()

        let reopened = FragmentStore(records: try directory.makeRecordStore())
        XCTAssertEqual(try reopened.fragments(stream: "cam"), stored)
        for (input, fragment) in zip(inputs, stored) {
            XCTAssertEqual(try reopened.content(fragment.number, stream: "cam"), expectedContent(input, as: fragment))
        }
        let next = try await reopened.append(sampleFragment(9), stream: "cam")
        XCTAssertGreaterThan(next.number, stored[4].number)
    }

    func testConcurrentAppendsToOneStreamKeepTheIndexInNumberOrder() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        let stored = try await withThrowingTaskGroup(of: StoredFragment.self) { group in
            for seed in 0 ..< 16 {
                group.addTask { try await store.append(sampleFragment(seed), stream: "cam") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let listed = try store.fragments(stream: "cam")
        XCTAssertEqual(listed, stored.sorted { $0.number < $1.number })
        try await records.close()
        XCTAssertEqual(try FragmentStore(records: try directory.makeRecordStore()).fragments(stream: "cam"), listed)
    }

    func testFragmentLargerThanTheStorageLimitIsRefusedAndNothingIsStored() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        let bytesMax = FragmentStoreLimits.fragmentBytesMax
        let input = FragmentInput(
            producerTimestampMs: 0, serverTimestampMs: 0, durationMs: 0, head: [1, 2], cluster: [UInt8](repeating: 0, count: bytesMax))
        do {
            _ = try await store.append(input, stream: "cam")
            XCTFail("the fragment was stored")
        } catch let error as FragmentStoreError {
            XCTAssertEqual(error, .fragmentTooLarge(bytes: bytesMax + 2, bytesMax: bytesMax))
            XCTAssertEqual(error.awsErrorID, 4001)
        }
        XCTAssertEqual(try store.fragments(stream: "cam"), [])
        XCTAssertEqual(try records.log(LogIdentifier(["video", "cam", "media"])).endOffset, 0)
    }
}
