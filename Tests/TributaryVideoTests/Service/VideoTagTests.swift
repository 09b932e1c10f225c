import TributaryWire
@testable import TributaryVideo
import XCTest

/// Tags by stream name or ARN and by resource ARN, the 50-tag limit, and the errors for ARNs that name no stream.
final class VideoTagTests: XCTestCase {
    var stack: VideoTestStack!
    var arn = ""

    override func setUp() async throws {
        stack = try VideoTestStack()
        arn = try await stack.createActiveStream("cam", ["Tags": .object(["owner": .string("ops")])])
    }

    override func tearDown() async throws {
        stack.remove()
    }

    private func tags(_ operation: String, _ members: [String: Document]) async throws -> Document? {
        try await stack.call(operation, members)["Tags"]
    }

    func testTagStreamMergesAndUntagStreamRemovesByNameOrARN() async throws {
        let version = try await stack.version("cam")
        try await stack.call("TagStream", ["StreamName": .string("cam"),
                                           "Tags": .object(["owner": .string("dev"), "site": .string("north")])])
        try await stack.call("UntagStream", ["StreamARN": .string(arn), "TagKeyList": .array([.string("owner")])])
        try await assertEqualAwaiting(await tags("ListTagsForStream", ["StreamARN": .string(arn)]),
                       .object(["site": .string("north")]))
        try await assertEqualAwaiting(await stack.version("cam"), version, "tags are not stream metadata")
    }

    func testTagResourceFamilyWorksOnStreamARNs() async throws {
        try await stack.call("TagResource", ["ResourceARN": .string(arn), "Tags": .array([
            .object(["Key": .string("site"), "Value": .string("south")]),
        ])])
        try await assertEqualAwaiting(await tags("ListTagsForResource", ["ResourceARN": .string(arn)]),
                       .object(["owner": .string("ops"), "site": .string("south")]))
        try await stack.call("UntagResource", ["ResourceARN": .string(arn),
                                               "TagKeyList": .array([.string("owner"), .string("site")])])
        try await assertEqualAwaiting(await tags("ListTagsForStream", ["StreamName": .string("cam")]), .object([:]))
        let channel = "arn:aws:kinesisvideo:us-east-1:000000000000:channel/cam/1"
        let missing = await stack.error("ListTagsForResource", ["ResourceARN": .string(channel)])
        XCTAssertEqual(missing?.code, "ResourceNotFoundException")
        XCTAssertEqual(missing?.status, 404)
    }

    func testAStreamHoldsAtMostFiftyTags() async throws {
        var tags: [String: Document] = [:]
        for index in 0..<49 { tags["key\(index)"] = .string("v") }
        try await stack.call("TagStream", ["StreamName": .string("cam"), "Tags": .object(tags)])
        let over = await stack.error("TagStream", ["StreamName": .string("cam"),
                                                   "Tags": .object(["one-more": .string("v")])])
        XCTAssertEqual(over?.code, "TagsPerResourceExceededLimitException")
        XCTAssertEqual(over?.status, 400)
        // Replacing an existing key does not add one.
        try await stack.call("TagStream", ["StreamName": .string("cam"), "Tags": .object(["key0": .string("w")])])
        let resourceOver = await stack.errorCode("TagResource", ["ResourceARN": .string(arn), "Tags": .array([
            .object(["Key": .string("one-more"), "Value": .string("v")]),
        ])])
        XCTAssertEqual(resourceOver, "TagsPerResourceExceededLimitException")
        guard case .object(let kept)? = try await self.tags("ListTagsForStream", ["StreamName": .string("cam")])
        else { return XCTFail("no tags") }
        XCTAssertEqual(kept.count, 50)
        XCTAssertEqual(kept["key0"], .string("w"))
    }

    func testCreateStreamWithMoreThanFiftyTagsIsRefusedByTheModel() async throws {
        var tags: [String: Document] = [:]
        for index in 0..<51 { tags["key\(index)"] = .string("v") }
        let code = await stack.errorCode("CreateStream", ["StreamName": .string("crowded"), "Tags": .object(tags)])
        XCTAssertEqual(code, "InvalidArgumentException")
    }

    func testAStreamARNOfAnotherKindIsInvalidResourceFormat() async throws {
        let channel = "arn:aws:kinesisvideo:us-east-1:000000000000:channel/cam/1"
        let error = await stack.error("ListTagsForStream", ["StreamARN": .string(channel)])
        XCTAssertEqual(error?.code, "InvalidResourceFormatException")
        XCTAssertEqual(error?.status, 400)
        let untag = await stack.errorCode("UntagStream", ["StreamARN": .string(channel),
                                                          "TagKeyList": .array([.string("owner")])])
        XCTAssertEqual(untag, "InvalidResourceFormatException")
        let unknown = await stack.errorCode("TagStream", ["StreamName": .string("nobody"),
                                                          "Tags": .object(["a": .string("b")])])
        XCTAssertEqual(unknown, "ResourceNotFoundException")
    }
}
