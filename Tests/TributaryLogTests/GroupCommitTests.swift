import Dispatch
import XCTest
@testable import TributaryLog

final class GroupCommitTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testAppendsWrittenBeforeAnFsyncShareIt() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .always))
        let log = try store.fileLog(LogIdentifier(["g"]))
        let fsyncsBefore = store.fsyncCount
        let release = DispatchSemaphore(value: 0)
        store.committer.holdQueue(until: release)

        let appends = (0 ..< 50).map { number in
            Task { try await log.append([numberedRecord(number)]) }
        }
        try await waitUntil { store.committer.waitingAppendCount == 50 }
        XCTAssertEqual(log.endOffset, 0, "nothing is committed before its fsync")
        XCTAssertEqual(try log.read(from: 0, maxRecords: 100, maxBytes: Int.max), [], "readers never see uncommitted records")
        XCTAssertNil(log.lastTimestampMs)
        XCTAssertEqual(try log.firstOffset(atOrAfterTimestampMs: 0), 0, "timestamp lookups ignore uncommitted records")

        release.signal()
        var offsets: [UInt64] = []
        for append in appends {
            offsets.append(try await append.value.firstOffset)
        }
        XCTAssertEqual(offsets.sorted(), (0 ..< 50).map(UInt64.init))
        XCTAssertEqual(store.fsyncCount - fsyncsBefore, 1, "fifty appends, one fsync")
        XCTAssertEqual(log.endOffset, 50)
    }

    func testOnePassFsyncsEachWaitingLogOnce() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .always))
        let first = try store.fileLog(LogIdentifier(["g", "1"]))
        let second = try store.fileLog(LogIdentifier(["g", "2"]))
        let fsyncsBefore = store.fsyncCount
        let release = DispatchSemaphore(value: 0)
        store.committer.holdQueue(until: release)
        let appends = (0 ..< 20).map { number in
            Task { try await (number % 2 == 0 ? first : second).append([numberedRecord(number)]) }
        }
        try await waitUntil { store.committer.waitingAppendCount == 20 }
        release.signal()
        for append in appends {
            _ = try await append.value
        }
        XCTAssertEqual(store.fsyncCount - fsyncsBefore, 2)
        XCTAssertEqual(first.endOffset, 10)
        XCTAssertEqual(second.endOffset, 10)
    }

    func testIntervalPolicyCommitsAtWriteAndFsyncsInTheBackground() async throws {
        let store = try FileRecordStore(
            directory: directory.url, configuration: LogConfiguration(fsync: .interval(milliseconds: 5)))
        let log = try store.fileLog(LogIdentifier(["i"]))
        let fsyncsBefore = store.fsyncCount
        try await appendNumbered(log, count: 20)
        XCTAssertEqual(log.endOffset, 20, "committed as soon as written")
        try await waitUntil { log.state.withLock { $0.synchronizedOffset } == 20 }
        XCTAssertGreaterThan(store.fsyncCount, fsyncsBefore)
        try await store.close()
    }

    func testNeverPolicyFsyncsOnlyAtClose() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.fileLog(LogIdentifier(["n"]))
        let fsyncsBefore = store.fsyncCount
        try await appendNumbered(log, count: 100)
        XCTAssertEqual(log.endOffset, 100)
        XCTAssertEqual(store.fsyncCount, fsyncsBefore)
        try await store.close()
        XCTAssertEqual(store.fsyncCount, fsyncsBefore + 1)
        XCTAssertEqual(log.state.withLock { $0.synchronizedOffset }, 100)
    }

    func testAppendAfterCloseIsRefused() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let log = try store.log(LogIdentifier(["closed"]))
        try await appendNumbered(log, count: 1)
        try await store.close()
        do {
            _ = try await log.append([numberedRecord(1)])
            XCTFail("append after close succeeded")
        } catch LogError.logClosed {}
        XCTAssertThrowsError(try store.log(LogIdentifier(["other"]))) { error in
            XCTAssertEqual(error as? LogError, .storeClosed)
        }
    }
}
