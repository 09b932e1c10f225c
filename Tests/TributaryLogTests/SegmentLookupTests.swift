import XCTest
@testable import TributaryLog

final class SegmentLookupTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let id = LogIdentifier(["streams", "s", "shard-1"])
    private let configuration = LogConfiguration(segmentBytesMax: 1024, indexIntervalBytes: 128, fsync: .never)

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testSegmentRollsBeforeTheWriteThatWouldPassTheLimit() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.fileLog(id)
        let record = LogRecordInput(key: [1, 2, 3, 4], value: [UInt8](repeating: 9, count: 40))
        let frameBytes = RecordFrame.encodedBytes(keyBytes: 4, valueBytes: 40)
        let perSegment = (1024 - SegmentHeader.bytes) / frameBytes
        for _ in 0 ..< perSegment {
            _ = try await log.append([record])
        }
        XCTAssertEqual(log.segmentCount, 1)
        _ = try await log.append([record])
        XCTAssertEqual(log.segmentBaseOffsets, [0, UInt64(perSegment)])
        let sizes = try logFiles(directory, id.path, extension: "log").map {
            try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int
        }
        XCTAssertEqual(sizes, [SegmentHeader.bytes + perSegment * frameBytes, SegmentHeader.bytes + frameBytes])
        XCTAssertLessThanOrEqual(sizes[0], 1024)
        XCTAssertGreaterThan(sizes[0] + frameBytes, 1024)
    }

    func testBatchIsNeverSplitAndAnOversizedBatchGetsItsOwnSegment() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.fileLog(id)
        try await appendNumbered(log, count: 1)
        let big = (1 ... 40).map { numberedRecord($0) }
        let appended = try await log.append(big)
        XCTAssertEqual(appended.firstOffset, 1)
        try await appendNumbered(log, count: 1, startingAt: 41)
        XCTAssertEqual(log.segmentBaseOffsets, [0, 1, 41])
        XCTAssertEqual(try readAll(log).map(\.offset), Array(0 ... 41))
    }

    func testReadsFromAnyOffsetAcrossManySegments() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.fileLog(id)
        var number = 0
        while number < 2000 {
            let batch = (number ..< number + 1 + number % 5).map { numberedRecord($0) }
            _ = try await log.append(batch)
            number += batch.count
        }
        XCTAssertGreaterThan(log.segmentCount, 50)
        for offset in stride(from: 0, to: number, by: 37) {
            let records = try log.read(from: UInt64(offset), maxRecords: 3, maxBytes: Int.max)
            XCTAssertEqual(records.map(\.offset), (offset ..< min(offset + 3, number)).map(UInt64.init))
            XCTAssertEqual(records.first?.value, numberedRecord(offset).value)
        }
        // A long read crosses many segment boundaries without a gap.
        let long = try log.read(from: 100, maxRecords: 1500, maxBytes: Int.max)
        XCTAssertEqual(long.map(\.offset), (100 ..< 1600).map(UInt64.init))
    }

    func testIndexedPositionIsWithinOneIntervalOfEveryRecord() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.fileLog(id)
        try await appendNumbered(log, count: 600)
        let segments = log.state.withLock { $0.segments }
        XCTAssertGreaterThan(segments.count, 5)
        for segment in segments {
            var reader = FrameReader(file: segment.file, position: SegmentHeader.bytes, limitBytes: segment.sizeBytes, chunkBytes: 4096)
            while case .frame(let record, let position, let frameBytes) = try reader.next() {
                let relativeOffset = UInt32(record.offset - segment.baseOffset)
                let indexed = segment.index.position(atOrBefore: relativeOffset) ?? SegmentHeader.bytes
                XCTAssertLessThanOrEqual(indexed, position)
                XCTAssertLessThan(position - indexed, configuration.indexIntervalBytes + frameBytes,
                                  "record \(record.offset) is too far from its index entry")
            }
        }
    }

    func testSealedSegmentsGetIndexFilesAndReopenWithoutScanning() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        try await appendNumbered(try store.log(id), count: 500)
        try await store.close()
        let logCount = try logFiles(directory, id.path, extension: "log").count
        XCTAssertGreaterThan(logCount, 5)
        XCTAssertEqual(try logFiles(directory, id.path, extension: "index").count, logCount)
        XCTAssertEqual(try logFiles(directory, id.path, extension: "timeindex").count, logCount)

        let reopened = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try reopened.fileLog(id)
        let before = log.state.withLock { $0.segments.dropLast().map(\.index) }
        XCTAssertTrue(before.allSatisfy { !$0.offsetEntries.isEmpty })
        XCTAssertEqual(try readAll(log).map(\.offset), (0 ..< 500).map(UInt64.init))
    }
}
