import XCTest
@testable import TributaryLog

final class TimestampLookupTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    /// Appends record i at timestamp 1000 + 10 * (i / 4): four records share each timestamp.
    private func makeLog(clock: ManualClock, records: Int = 400) async throws -> FileRecordLog {
        let store = try FileRecordStore(
            directory: directory.url,
            configuration: LogConfiguration(segmentBytesMax: 700, indexIntervalBytes: 100, fsync: .never),
            currentTimeMs: clock.function)
        let log = try store.fileLog(LogIdentifier(["t"]))
        for number in 0 ..< records {
            clock.set(1000 + 10 * Int64(number / 4))
            _ = try await log.append([numberedRecord(number)])
        }
        return log
    }

    func testFindsTheFirstOffsetAtOrAfterEveryTimestampAcrossSegments() async throws {
        let clock = ManualClock(0)
        let log = try await makeLog(clock: clock)
        XCTAssertGreaterThan(log.segmentCount, 10)
        for timestampMs in stride(from: Int64(995), through: 2005, by: 5) {
            // Records with timestamp >= t start at the first group g with 1000 + 10g >= t.
            let group = max(0, (timestampMs - 1000 + 9) / 10)
            let expected = min(UInt64(group * 4), 400)
            XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: timestampMs), expected, "timestamp \(timestampMs)")
        }
    }

    func testTimestampBeyondTheLastRecordGivesTheEndOffset() async throws {
        let log = try await makeLog(clock: ManualClock(0), records: 40)
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: 1_000_000), log.endOffset)
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: Int64.min), 0)
    }

    func testEmptyLogAnswersZero() throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        XCTAssertEqual(try store.log(LogIdentifier(["empty"])).firstOffset(atOrAfterTimestampMs: 0), 0)
    }

    func testLookupWorksAfterReopenFromLoadedIndexFiles() async throws {
        let clock = ManualClock(0)
        _ = try await makeLog(clock: clock)
        let store = try FileRecordStore(
            directory: directory.url,
            configuration: LogConfiguration(segmentBytesMax: 700, indexIntervalBytes: 100, fsync: .never))
        let log = try store.log(LogIdentifier(["t"]))
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: 1500), 200)
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: 1501), 204)
        XCTAssertEqual(log.lastTimestampMs, 1000 + 10 * 99)
    }
}
