import Foundation
import TributaryLog
import TributaryWire
@testable import TributaryVideo
import XCTest

/// CREATING → ACTIVE, DELETING → gone, through `advanceTransitions` and through `run()` itself, and what survives a
/// restart.
final class VideoStreamLifecycleTests: XCTestCase {
    var stack: VideoTestStack!

    override func setUp() async throws {
        stack = try VideoTestStack()
    }

    override func tearDown() async throws {
        stack.remove()
    }

    func testAStreamIsCreatingUntilItsDelayHasPassedThenActive() async throws {
        try await stack.createStream("cam")
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("CREATING"))
        stack.service.advanceTransitions(nowMs: VideoClock.nowMs())
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("CREATING"))
        stack.settle()
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("ACTIVE"))
    }

    func testCreatingAnExistingNameIsResourceInUseWhateverItsStatus() async throws {
        try await stack.createStream("cam")
        let whileCreating = await stack.error("CreateStream", ["StreamName": .string("cam")])
        XCTAssertEqual(whileCreating?.code, "ResourceInUseException")
        XCTAssertEqual(whileCreating?.status, 400)
        stack.settle()
        let whileActive = await stack.errorCode("CreateStream", ["StreamName": .string("cam")])
        XCTAssertEqual(whileActive, "ResourceInUseException")
    }

    func testDeleteMakesTheStreamDeletingThenForgetsIt() async throws {
        let arn = try await stack.createActiveStream("cam")
        try await stack.call("DeleteStream", ["StreamARN": .string(arn)])
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("DELETING"))
        let again = await stack.errorCode("DeleteStream", ["StreamARN": .string(arn)])
        XCTAssertEqual(again, "ResourceInUseException")
        let recreate = await stack.errorCode("CreateStream", ["StreamName": .string("cam")])
        XCTAssertEqual(recreate, "ResourceInUseException")
        stack.settle()
        let gone = await stack.error("DescribeStream", ["StreamName": .string("cam")])
        XCTAssertEqual(gone?.code, "ResourceNotFoundException")
        XCTAssertEqual(gone?.status, 404)
    }

    func testDeleteChecksTheVersionWhenOneIsGiven() async throws {
        let arn = try await stack.createActiveStream("cam")
        let stale = await stack.error("DeleteStream", ["StreamARN": .string(arn), "CurrentVersion": .string("old")])
        XCTAssertEqual(stale?.code, "VersionMismatchException")
        XCTAssertEqual(stale?.status, 400)
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("ACTIVE"))
        let version = try await stack.version("cam")
        try await stack.call("DeleteStream", ["StreamARN": .string(arn), "CurrentVersion": .string(version)])
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("DELETING"))
    }

    func testARecreatedStreamHasANewARNAndStorageKeyAndTheOldARNNamesNothing() async throws {
        let oldARN = try await stack.createActiveStream("cam")
        let oldKey = try stack.service.dataStream(name: "cam", arn: nil).storageKey
        try await stack.call("DeleteStream", ["StreamARN": .string(oldARN)])
        stack.settle()
        try await Task.sleep(for: .milliseconds(2))
        let newARN = try await stack.createActiveStream("cam")
        XCTAssertNotEqual(oldARN, newARN)
        XCTAssertNotEqual(try stack.service.dataStream(name: "cam", arn: nil).storageKey, oldKey)
        let old = await stack.errorCode("DescribeStream", ["StreamARN": .string(oldARN)])
        XCTAssertEqual(old, "ResourceNotFoundException")
    }

    func testRunFinishesCreationAndDeletionAfterTheStateDelay() async throws {
        stack.remove()
        stack = try VideoTestStack(stateDelayMs: 50)
        let service = stack.service
        let runner = Task { await service.run() }
        defer { runner.cancel() }
        let arn = try await stack.createStream("cam")
        try await waitForStatus("cam", "ACTIVE")
        try await stack.call("DeleteStream", ["StreamARN": .string(arn)])
        try await waitForStatus("cam", nil)
        runner.cancel()
        await runner.value
    }

    func testDescriptorsAndPendingTransitionsSurviveARestart() async throws {
        try await stack.createActiveStream("kept", ["DataRetentionInHours": .integer(24),
                                                    "Tags": .object(["a": .string("1")])])
        let doomed = try await stack.createActiveStream("doomed")
        try await stack.call("DeleteStream", ["StreamARN": .string(doomed)])
        try await stack.createStream("pending")
        let before = try await stack.streamInfo("kept")
        try stack.reopen()
        try await assertEqualAwaiting(await stack.streamInfo("kept"), before)
        try await assertEqualAwaiting(await stack.call("ListTagsForStream", ["StreamName": .string("kept")])["Tags"],
                       .object(["a": .string("1")]))
        try await assertEqualAwaiting(await stack.streamInfo("pending")["Status"], .string("CREATING"))
        try await assertEqualAwaiting(await stack.streamInfo("doomed")["Status"], .string("DELETING"))
        stack.settle()
        try await assertEqualAwaiting(await stack.streamInfo("pending")["Status"], .string("ACTIVE"))
        let gone = await stack.errorCode("DescribeStream", ["StreamName": .string("doomed")])
        XCTAssertEqual(gone, "ResourceNotFoundException")
    }

    func testRetentionIsTheBufferWhenZeroAndHoursOtherwise() async throws {
        try await stack.createActiveStream("buffered")
        try await stack.createActiveStream("kept", ["DataRetentionInHours": .integer(2)])
        XCTAssertEqual(try stack.service.dataStream(name: "buffered", arn: nil).retentionMs, 300_000)
        XCTAssertEqual(try stack.service.dataStream(name: "kept", arn: nil).retentionMs, 7_200_000)
    }

    /// Polls DescribeStream until the stream has `status` (nil: until it is gone), for at most five seconds.
    private func waitForStatus(_ name: String, _ status: String?) async throws {
        for _ in 0..<100 {
            do {
                if case .string(let current)? = try await stack.streamInfo(name)["Status"], current == status {
                    return
                }
            } catch let error as VideoError {
                if status == nil, case .resourceNotFound = error { return }
                throw error
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("stream \(name) never reached \(status ?? "deletion")")
    }
}
