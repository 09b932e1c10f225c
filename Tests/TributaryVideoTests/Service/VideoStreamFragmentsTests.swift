import Foundation
import TributaryWire
@testable import TributaryVideo
import XCTest

/// What the control plane does to a stream's stored fragments: retention removes the old ones on the service's
/// schedule, and DeleteStream removes them all.
final class VideoStreamFragmentsTests: XCTestCase {
    private var stack: VideoTestStack!

    override func setUpWithError() throws {
        stack = try VideoTestStack(stateDelayMs: 10)
    }

    override func tearDown() {
        stack.remove()
    }

    private func storeFragment(_ stream: VideoStreamDescriptor, serverTimestampMs: Int64) async throws -> StoredFragment {
        try await stack.fragments.append(
            FragmentInput(producerTimestampMs: serverTimestampMs, serverTimestampMs: serverTimestampMs, durationMs: 1_000,
                          head: [1, 2, 3], cluster: Array(repeating: 7, count: 100)),
            stream: stream.storageKey)
    }

    func testRetentionRemovesFragmentsOlderThanTheStreamKeeps() async throws {
        try await stack.createActiveStream("cam", ["DataRetentionInHours": .integer(1)])
        let stream = try stack.service.dataStream(name: "cam", arn: nil)
        let now = VideoClock.nowMs()
        let old = try await storeFragment(stream, serverTimestampMs: now - 2 * 3_600_000)
        let recent = try await storeFragment(stream, serverTimestampMs: now - 60_000)

        stack.service.applyRetention(nowMs: now)

        let kept = try stack.fragments.fragments(stream: stream.storageKey).map(\.number)
        XCTAssertEqual(kept, [recent.number])
        XCTAssertNil(try stack.fragments.content(old.number, stream: stream.storageKey))
    }

    func testZeroRetentionKeepsFragmentsForFiveMinutes() async throws {
        try await stack.createActiveStream("buffered")
        let stream = try stack.service.dataStream(name: "buffered", arn: nil)
        let now = VideoClock.nowMs()
        _ = try await storeFragment(stream, serverTimestampMs: now - 6 * 60_000)
        let recent = try await storeFragment(stream, serverTimestampMs: now - 4 * 60_000)

        stack.service.applyRetention(nowMs: now)

        XCTAssertEqual(try stack.fragments.fragments(stream: stream.storageKey).map(\.number), [recent.number])
    }

    func testDeleteStreamRemovesItsFragments() async throws {
        try await stack.createActiveStream("gone", ["DataRetentionInHours": .integer(24)])
        let stream = try stack.service.dataStream(name: "gone", arn: nil)
        _ = try await storeFragment(stream, serverTimestampMs: VideoClock.nowMs())
        let directory = stack.directory.appendingPathComponent("video/\(stream.storageKey)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path))

        try await stack.call("DeleteStream", ["StreamARN": .string(stream.arn)])
        stack.settle()

        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path))
        let code = await stack.errorCode("DescribeStream", ["StreamName": .string("gone")])
        XCTAssertEqual(code, "ResourceNotFoundException")
    }
}
