import Foundation
import XCTest
@testable import TributaryLog

/// Crash recovery: a damaged tail of the last segment is cut off and never served; earlier records stay and
/// appends continue at the right offset.
final class TornTailRecoveryTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let id = LogIdentifier(["streams", "s", "shard"])
    private let configuration = LogConfiguration(segmentBytesMax: 2048, indexIntervalBytes: 128)

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    /// Writes `count` records and leaves the store without closing it, like a crash (every append was fsynced).
    private func writeWithoutClosing(count: Int) async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        try await appendNumbered(try store.log(id), count: count)
    }

    private func lastSegmentPath() throws -> String {
        try XCTUnwrap(logFiles(directory, id.path, extension: "log").last)
    }

    private func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    }

    private func assertRecoveredWithLastRecordLost(total: Int, file: StaticString = #filePath, line: UInt = #line) async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.log(id)
        XCTAssertEqual(log.endOffset, UInt64(total - 1), file: file, line: line)
        XCTAssertEqual(try readAll(log).map(\.value), (0 ..< total - 1).map { numberedRecord($0).value }, file: file, line: line)
        let appended = try await log.append([numberedRecord(1000)])
        XCTAssertEqual(appended.firstOffset, UInt64(total - 1), file: file, line: line)
        try await store.close()

        let again = try FileRecordStore(directory: directory.url, configuration: configuration)
        let records = try readAll(try again.log(id))
        XCTAssertEqual(records.map(\.offset), (0 ..< total).map(UInt64.init), file: file, line: line)
        XCTAssertEqual(records.last?.value, numberedRecord(1000).value, file: file, line: line)
    }

    func testTailCutMidFrameIsDroppedAndAppendsContinue() async throws {
        try await writeWithoutClosing(count: 100)
        let path = try lastSegmentPath()
        let size = try fileSize(path)
        XCTAssertEqual(truncate(path, off_t(size - 5)), 0)
        try await assertRecoveredWithLastRecordLost(total: 100)
        XCTAssertGreaterThan(try logFiles(directory, id.path, extension: "log").count, 1, "the test spans segments")
    }

    func testTailCutInsideTheLengthFieldIsDropped() async throws {
        try await writeWithoutClosing(count: 50)
        let path = try lastSegmentPath()
        let frameBytes = RecordFrame.encodedBytes(keyBytes: numberedRecord(49).key.count, valueBytes: numberedRecord(49).value.count)
        XCTAssertEqual(truncate(path, off_t(try fileSize(path) - frameBytes + 2)), 0)
        try await assertRecoveredWithLastRecordLost(total: 50)
    }

    func testFlippedByteInTheLastFrameIsTruncated() async throws {
        try await writeWithoutClosing(count: 100)
        let path = try lastSegmentPath()
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        let size = try fileSize(path)
        try handle.seek(toOffset: UInt64(size - 3))
        let original = try XCTUnwrap(handle.readData(ofLength: 1).first)
        try handle.seek(toOffset: UInt64(size - 3))
        handle.write(Data([original ^ 0x01]))
        try handle.close()
        let frameBytes = RecordFrame.encodedBytes(keyBytes: numberedRecord(99).key.count, valueBytes: numberedRecord(99).value.count)

        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        XCTAssertEqual(try store.log(id).endOffset, 99)
        XCTAssertEqual(try fileSize(path), size - frameBytes, "the CRC-bad frame is cut off the file")
        try await store.close()
        try await assertRecoveredWithLastRecordLost(total: 100)
    }

    func testGarbageAfterTheLastFrameIsCutOff() async throws {
        try await writeWithoutClosing(count: 30)
        let path = try lastSegmentPath()
        let size = try fileSize(path)
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        try handle.seekToEnd()
        handle.write(Data(repeating: 0, count: 100))
        try handle.close()
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        XCTAssertEqual(try store.log(id).endOffset, 30)
        XCTAssertEqual(try fileSize(path), size)
    }

    func testLastSegmentWithoutACompleteHeaderIsRestarted() async throws {
        try await writeWithoutClosing(count: 40)
        let nextBase: UInt64 = 40
        // A crash right after creating a new segment file, before its header reached the disk.
        let emptyPath = ([directory.path] + id.path).joined(separator: "/") + "/" + Segment.fileName(baseOffset: nextBase, extension: "log")
        XCTAssertTrue(FileManager.default.createFile(atPath: emptyPath, contents: Data([0x54, 0x52])))
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try store.fileLog(id)
        XCTAssertEqual(try fileSize(emptyPath), SegmentHeader.bytes)
        XCTAssertEqual(try readAll(log).count, 40)
        XCTAssertEqual(log.segmentBaseOffsets.last, nextBase)
        let appended2 = try await log.append([numberedRecord(40)])
        XCTAssertEqual(appended2.firstOffset, 40)
        XCTAssertEqual(try readAll(log).map(\.offset), (0 ... 40).map(UInt64.init))
    }

    func testMissingIndexFileOfASealedSegmentIsRebuilt() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        try await appendNumbered(try store.log(id), count: 200)
        try await store.close()
        let indexes = try logFiles(directory, id.path, extension: "index")
        let timeIndexes = try logFiles(directory, id.path, extension: "timeindex")
        XCTAssertGreaterThan(indexes.count, 3)
        let originalIndex = try Data(contentsOf: URL(fileURLWithPath: indexes[1]))
        try FileManager.default.removeItem(atPath: indexes[1])
        // A shorter time index of another segment must be rebuilt too.
        let timeIndex = try Data(contentsOf: URL(fileURLWithPath: timeIndexes[2]))
        try timeIndex.dropLast(6).write(to: URL(fileURLWithPath: timeIndexes[2]))

        let reopened = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try reopened.fileLog(id)
        XCTAssertEqual(try readAll(log).map(\.offset), (0 ..< 200).map(UInt64.init))
        for offset in stride(from: UInt64(0), to: 200, by: 13) {
            XCTAssertEqual(try log.read(from: offset, maxRecords: 1, maxBytes: 1).first?.offset, offset)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: indexes[1])), originalIndex,
                       "the rebuilt index file equals the one written at roll")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: timeIndexes[2])), timeIndex)
    }

    func testIndexFileDescribingAnotherSegmentSizeIsRebuilt() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        try await appendNumbered(try store.log(id), count: 200)
        try await store.close()
        let indexes = try logFiles(directory, id.path, extension: "index")
        let stale = SegmentIndexFile.encodeOffsetIndex(SegmentIndex(), segmentBytes: 16)
        try Data(stale).write(to: URL(fileURLWithPath: indexes[0]))
        let reopened = try FileRecordStore(directory: directory.url, configuration: configuration)
        let log = try reopened.fileLog(id)
        XCTAssertFalse(log.state.withLock { $0.segments[0].index.offsetEntries.isEmpty })
        XCTAssertEqual(try log.read(from: 5, maxRecords: 1, maxBytes: 1).first?.value, numberedRecord(5).value)
    }

    func testLeftoverTemporaryIndexFileIsRemoved() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: configuration)
        try await appendNumbered(try store.log(id), count: 10)
        try await store.close()
        let logDirectory = ([directory.path] + id.path).joined(separator: "/")
        let leftover = logDirectory + "/.00000000000000000000.index.1234" + FileSystem.temporarySuffix
        XCTAssertTrue(FileManager.default.createFile(atPath: leftover, contents: Data([1, 2, 3])))
        let reopened = try FileRecordStore(directory: directory.url, configuration: configuration)
        XCTAssertEqual(try reopened.log(id).endOffset, 10)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover))
    }
}
