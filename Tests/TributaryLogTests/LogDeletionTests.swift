import Foundation
import XCTest
@testable import TributaryLog

final class LogDeletionTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testDeleteLogRemovesItsFilesAndAFreshLogStartsAtZero() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(segmentBytesMax: 512))
        let id = LogIdentifier(["streams", "d", "shard-0"])
        let log = try store.log(id)
        try await appendNumbered(log, count: 50)
        try store.deleteLog(id)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path + "/streams/d/shard-0"))
        do {
            _ = try await log.append([numberedRecord(0)])
            XCTFail("append to a deleted log succeeded")
        } catch LogError.logClosed {}
        let fresh = try store.log(id)
        XCTAssertFalse(fresh === log)
        XCTAssertEqual(fresh.endOffset, 0)
        let appended = try await fresh.append([numberedRecord(0)])
        XCTAssertEqual(appended.firstOffset, 0)
        try store.deleteLog(LogIdentifier(["streams", "absent"]))
    }

    func testDeleteLogsUnderAPrefixRemovesTheWholeStream() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        for shard in 0 ..< 3 {
            try await appendNumbered(try store.log(LogIdentifier(["streams", "gone", "shard-\(shard)"])), count: 5)
        }
        let kept = try store.log(LogIdentifier(["streams", "gone-not", "shard-0"]))
        try await appendNumbered(kept, count: 5)
        try store.deleteLogs(under: ["streams", "gone"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/streams"), ["gone-not"])
        XCTAssertEqual(try store.log(LogIdentifier(["streams", "gone", "shard-1"])).endOffset, 0)
        XCTAssertEqual(kept.endOffset, 5)
        try store.deleteLogs(under: ["streams", "never-existed"])
    }
}
