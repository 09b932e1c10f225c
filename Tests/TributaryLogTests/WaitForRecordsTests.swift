import XCTest
@testable import TributaryLog

final class WaitForRecordsTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testAppendWakesAWaiter() async throws {
        for policy in [FsyncPolicy.always, .never] {
            let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: policy))
            let log = try store.fileLog(LogIdentifier(["w", "\(policy)"]))
            let waiter = Task {
                await log.waitForRecords(after: 1)
                return log.endOffset
            }
            try await waitUntil { log.waiterCount == 1 }
            try await appendNumbered(log, count: 1)
            XCTAssertEqual(log.waiterCount, 1, "end offset 1 is not past the wait point yet")
            try await appendNumbered(log, count: 1, startingAt: 1)
            let endOffset = await waiter.value
            XCTAssertEqual(endOffset, 2)
            XCTAssertEqual(log.waiterCount, 0)
        }
    }

    func testReturnsAtOnceWhenRecordsAreAlreadyThere() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration(fsync: .never))
        let log = try store.fileLog(LogIdentifier(["w"]))
        try await appendNumbered(log, count: 3)
        await log.waitForRecords(after: 2)
        XCTAssertEqual(log.waiterCount, 0)
    }

    func testCancellationEndsTheWait() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let log = try store.fileLog(LogIdentifier(["w"]))
        let waiter = Task { await log.waitForRecords(after: 10) }
        try await waitUntil { log.waiterCount == 1 }
        waiter.cancel()
        await waiter.value
        XCTAssertEqual(log.waiterCount, 0)
        XCTAssertEqual(log.endOffset, 0)
    }

    func testAlreadyCancelledTaskDoesNotWait() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let log = try store.fileLog(LogIdentifier(["w"]))
        let waiter = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await log.waitForRecords(after: 10)
        }
        await waiter.value
        XCTAssertEqual(log.waiterCount, 0)
    }

    func testClosingTheStoreReleasesWaiters() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let log = try store.fileLog(LogIdentifier(["w"]))
        let waiter = Task { await log.waitForRecords(after: 0) }
        try await waitUntil { log.waiterCount == 1 }
        try await store.close()
        await waiter.value
        XCTAssertEqual(log.waiterCount, 0)
    }
}
