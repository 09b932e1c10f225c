import XCTest
@testable import TributaryLog

final class RetentionTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let id = LogIdentifier(["r"])

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    /// 300 records, record i stamped 10 * i, in small segments.
    private func makeLog() async throws -> FileRecordLog {
        let clock = ManualClock(0)
        let store = try FileRecordStore(
            directory: directory.url, configuration: LogConfiguration(segmentBytesMax: 800, indexIntervalBytes: 100),
            currentTimeMs: clock.function)
        let log = try store.fileLog(id)
        for number in 0 ..< 300 {
            clock.set(10 * Int64(number))
            _ = try await log.append([numberedRecord(number)])
        }
        return log
    }

    func testTrimDeletesWholeSegmentsBelowTheCutoffAndAdvancesStartOffset() async throws {
        let log = try await makeLog()
        let basesBefore = log.segmentBaseOffsets
        XCTAssertGreaterThan(basesBefore.count, 10)
        let cutoffOffset = basesBefore[4] + 3 // inside the fifth segment
        let deleted = try log.trim(olderThanMs: 10 * Int64(cutoffOffset))
        XCTAssertEqual(deleted, 4)
        XCTAssertEqual(log.startOffset, cutoffOffset)
        XCTAssertEqual(log.segmentBaseOffsets, Array(basesBefore.dropFirst(4)))
        XCTAssertEqual(try logFiles(directory, id.path, extension: "log").count, basesBefore.count - 4)
        XCTAssertEqual(try logFiles(directory, id.path, extension: "index").count, basesBefore.count - 5,
                       "every sealed segment left keeps its index file; the active one has none yet")
        // Reads below the start offset begin at it.
        XCTAssertEqual(try log.read(from: 0, maxRecords: 2, maxBytes: Int.max).map(\.offset), [cutoffOffset, cutoffOffset + 1])
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: 0), cutoffOffset)
        XCTAssertEqual(log.endOffset, 300)
    }

    func testTrimBeforeAnOffsetConsumesWholeSegmentsAndNeverPassesTheEnd() async throws {
        let log = try await makeLog()
        let basesBefore = log.segmentBaseOffsets
        XCTAssertEqual(try log.trim(before: basesBefore[2] + 1), 2)
        XCTAssertEqual(log.startOffset, basesBefore[2] + 1)
        XCTAssertEqual(try log.trim(before: 5), 0, "the start offset never moves back")
        XCTAssertEqual(log.startOffset, basesBefore[2] + 1)
        try log.trim(before: 10_000)
        XCTAssertEqual(log.startOffset, 300, "bounded by endOffset")
        XCTAssertEqual(log.segmentBaseOffsets, [basesBefore.last!])
    }

    func testTrimBelowTheFirstRecordDeletesNothing() async throws {
        let log = try await makeLog()
        XCTAssertEqual(try log.trim(olderThanMs: 0), 0)
        XCTAssertEqual(log.startOffset, 0)
    }

    func testTrimPastEveryRecordKeepsOnlyTheActiveSegment() async throws {
        let log = try await makeLog()
        let active = log.segmentBaseOffsets.last!
        let deleted = try log.trim(olderThanMs: 1_000_000)
        XCTAssertEqual(log.segmentBaseOffsets, [active])
        XCTAssertGreaterThan(deleted, 10)
        XCTAssertEqual(log.startOffset, 300)
        XCTAssertEqual(try log.read(from: 0, maxRecords: 10, maxBytes: Int.max), [])
        let appended = try await log.append([numberedRecord(300)])
        XCTAssertEqual(appended.firstOffset, 300)
        XCTAssertEqual(try log.read(from: 0, maxRecords: 10, maxBytes: Int.max).map(\.offset), [300])
    }
}
