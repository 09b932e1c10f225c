import XCTest
@testable import TributaryLog

final class AppendReadTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testAppendedBatchesReadBackInOrderWithConsecutiveOffsets() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.log(LogIdentifier(["streams", "orders", "shard-0"]))
        var number = 0
        for batchSize in [1, 7, 50, 3, 200, 1, 1, 500, 238] {
            let batch = (number ..< number + batchSize).map { numberedRecord($0) }
            let result = try await log.append(batch)
            XCTAssertEqual(result.firstOffset, UInt64(number))
            XCTAssertEqual(result.count, batchSize)
            number += batchSize
        }
        XCTAssertEqual(number, 1001)
        XCTAssertEqual(log.startOffset, 0)
        XCTAssertEqual(log.endOffset, 1001)
        let records = try readAll(log, pageRecords: 37)
        XCTAssertEqual(records.count, 1001)
        for (position, record) in records.enumerated() {
            let expected = numberedRecord(position)
            XCTAssertEqual(record.offset, UInt64(position))
            XCTAssertEqual(record.key, expected.key)
            XCTAssertEqual(record.value, expected.value)
            XCTAssertEqual(record.attributes, expected.attributes)
        }
        XCTAssertEqual(log.lastTimestampMs, records.last?.timestampMs)
        try await store.close()
    }

    func testRecordsSurviveAGracefulReopen() async throws {
        let id = LogIdentifier(["a", "b"])
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(segmentBytesMax: 4096))
        try await appendNumbered(try store.log(id), count: 300)
        try await store.close()

        let reopened = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(segmentBytesMax: 4096))
        let log = try reopened.log(id)
        XCTAssertEqual(log.endOffset, 300)
        XCTAssertEqual(try readAll(log).map(\.value), (0 ..< 300).map { numberedRecord($0).value })
        let appended = try await log.append([numberedRecord(300)])
        XCTAssertEqual(appended.firstOffset, 300)
        try await reopened.close()
    }

    func testSameIdentifierReturnsTheSameInstance() throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let first = try store.log(LogIdentifier(["x"]))
        let second = try store.log(LogIdentifier(["x"]))
        let other = try store.log(LogIdentifier(["y"]))
        XCTAssertTrue(first === second)
        XCTAssertFalse(first === other)
    }

    func testMaxRecordsLimitsTheRead() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.log(LogIdentifier(["l"]))
        try await appendNumbered(log, count: 20)
        let records = try log.read(from: 5, maxRecords: 4, maxBytes: Int.max)
        XCTAssertEqual(records.map(\.offset), [5, 6, 7, 8])
        XCTAssertEqual(try log.read(from: 5, maxRecords: 0, maxBytes: Int.max), [])
    }

    func testMaxBytesStopsBeforeTheRecordThatWouldPassIt() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.log(LogIdentifier(["l"]))
        for _ in 0 ..< 10 {
            _ = try await log.append([LogRecordInput(key: [1, 2], value: [UInt8](repeating: 7, count: 98))])
        }
        // Each record has 100 key+value bytes.
        XCTAssertEqual(try log.read(from: 0, maxRecords: 100, maxBytes: 300).count, 3)
        XCTAssertEqual(try log.read(from: 0, maxRecords: 100, maxBytes: 399).count, 3)
        XCTAssertEqual(try log.read(from: 0, maxRecords: 100, maxBytes: 400).count, 4)
        let oversized = try log.read(from: 2, maxRecords: 100, maxBytes: 1)
        XCTAssertEqual(oversized.map(\.offset), [2], "one record is returned even when it alone passes maxBytes")
    }

    func testReadAtOrPastTheEndIsEmpty() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.log(LogIdentifier(["l"]))
        XCTAssertEqual(try log.read(from: 0, maxRecords: 10, maxBytes: 1000), [])
        XCTAssertNil(log.lastTimestampMs)
        try await appendNumbered(log, count: 3)
        XCTAssertEqual(try log.read(from: 3, maxRecords: 10, maxBytes: 1000), [])
        XCTAssertEqual(try log.read(from: 1_000_000, maxRecords: 10, maxBytes: 1000), [])
    }

    func testTimestampsAreForcedNonDecreasingWhenTheClockGoesBack() async throws {
        let clock = ManualClock(5000)
        let store = try FileRecordStore(
            directory: directory.url, configuration: LogConfiguration(fsync: .never), currentTimeMs: clock.function)
        let log = try store.log(LogIdentifier(["l"]))
        let appended2 = try await log.append([numberedRecord(0)])
        XCTAssertEqual(appended2.timestampMs, 5000)
        clock.set(4000)
        let appended3 = try await log.append([numberedRecord(1), numberedRecord(2)])
        XCTAssertEqual(appended3.timestampMs, 5000)
        clock.set(6000)
        let appended4 = try await log.append([numberedRecord(3)])
        XCTAssertEqual(appended4.timestampMs, 6000)
        XCTAssertEqual(try readAll(log).map(\.timestampMs), [5000, 5000, 5000, 6000])
    }

    func testEmptyBatchWritesNothing() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let log = try store.log(LogIdentifier(["l"]))
        let result = try await log.append([])
        XCTAssertEqual(result.count, 0)
        XCTAssertEqual(result.firstOffset, 0)
        XCTAssertEqual(log.endOffset, 0)
    }

    func testOversizedRecordIsRefused() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.log(LogIdentifier(["l"]))
        let huge = LogRecordInput(key: [], value: [UInt8](repeating: 0, count: Limits.recordBytesMax + 1))
        do {
            _ = try await log.append([huge])
            XCTFail("oversized record accepted")
        } catch LogError.recordTooLarge(let bytes, _) {
            XCTAssertEqual(bytes, Limits.recordBytesMax + 1)
        }
        XCTAssertEqual(log.endOffset, 0)
    }
}
