import Foundation
import TributaryLog
import XCTest
@testable import TributaryVideo

final class FragmentStoreWaitTests: XCTestCase {
    private var directory: FragmentStorageDirectory!

    override func setUpWithError() throws {
        directory = try FragmentStorageDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    /// Polls until the stream has `count` suspended waiters (a liveness guard, not a timing assertion).
    private func waitForWaiters(_ store: FragmentStore, count: Int, file: StaticString = #filePath, line: UInt = #line) async throws {
        let deadline = Date().addingTimeInterval(10)
        while try store.stream("cam").waiterCount != count {
            guard Date() < deadline else { return XCTFail("no \(count) waiters after 10 s", file: file, line: line) }
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    func testWaitReturnsAtOnceWhenANewerFragmentExists() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let first = try await store.append(sampleFragment(0), stream: "cam")
        _ = try await store.append(sampleFragment(1), stream: "cam")
        await store.waitForFragment(after: nil, stream: "cam")
        await store.waitForFragment(after: first.number, stream: "cam")
        XCTAssertEqual(try store.stream("cam").waiterCount, 0)
    }

    func testWaitWakesWhenANewerFragmentIsAppended() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let first = try await store.append(sampleFragment(0), stream: "cam")
        let waiter = Task {
            await store.waitForFragment(after: first.number, stream: "cam")
            return try store.latest(stream: "cam")
        }
        try await waitForWaiters(store, count: 1)
        let second = try await store.append(sampleFragment(1), stream: "cam")
        let seen = try await waiter.value
        XCTAssertEqual(seen, second)
        XCTAssertEqual(try store.stream("cam").waiterCount, 0)
    }

    func testWaitReturnsWhenCancelled() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let waiter = Task { await store.waitForFragment(after: nil, stream: "cam") }
        try await waitForWaiters(store, count: 1)
        waiter.cancel()
        await waiter.value
        XCTAssertEqual(try store.stream("cam").waiterCount, 0)
        XCTAssertNil(try store.latest(stream: "cam"))
    }

    func testWaitReturnsWhenTheStreamIsDeleted() async throws {
        let store = FragmentStore(records: try directory.makeRecordStore())
        let waiter = Task { await store.waitForFragment(after: nil, stream: "cam") }
        try await waitForWaiters(store, count: 1)
        try store.deleteStream("cam")
        await waiter.value
    }

    func testWaitReturnsWhenTheRecordStoreCloses() async throws {
        let records = try directory.makeRecordStore()
        let store = FragmentStore(records: records)
        let waiter = Task { await store.waitForFragment(after: nil, stream: "cam") }
        try await waitForWaiters(store, count: 1)
        try await records.close()
        await waiter.value
        XCTAssertEqual(try store.stream("cam").waiterCount, 0, "the fragment waiter was cancelled with the wait")
    }
}
