import TributaryWire
@testable import TributaryVideo
import XCTest

/// ListStreams: name order, paging with NextToken, and StreamNameCondition.
final class VideoListStreamsTests: XCTestCase {
    var stack: VideoTestStack!

    override func setUp() async throws {
        stack = try VideoTestStack()
        for name in ["door-2", "garden", "door-1", "door-3", "attic"] { try await stack.createStream(name) }
    }

    override func tearDown() async throws {
        stack.remove()
    }

    private func names(_ response: Document) -> [String] {
        guard case .array(let infos)? = response["StreamInfoList"] else { return [] }
        return infos.compactMap { info in
            if case .string(let name)? = info["StreamName"] { return name }
            return nil
        }
    }

    func testAllStreamsInNameOrderWithoutAToken() async throws {
        let response = try await stack.call("ListStreams")
        XCTAssertEqual(names(response), ["attic", "door-1", "door-2", "door-3", "garden"])
        XCTAssertNil(response["NextToken"])
        guard case .array(let infos)? = response["StreamInfoList"] else { return XCTFail("no list") }
        XCTAssertEqual(infos.first?["Status"], .string("CREATING"))
    }

    func testPagesFollowTheNextToken() async throws {
        var seen: [String] = []
        var token: Document?
        var pages = 0
        repeat {
            var request: [String: Document] = ["MaxResults": .integer(2)]
            request["NextToken"] = token
            let response = try await stack.call("ListStreams", request)
            XCTAssertLessThanOrEqual(names(response).count, 2)
            seen += names(response)
            token = response["NextToken"]
            pages += 1
        } while token != nil && pages < 10
        XCTAssertEqual(seen, ["attic", "door-1", "door-2", "door-3", "garden"])
        XCTAssertEqual(pages, 3)
    }

    func testTheNameConditionKeepsNamesWithThePrefix() async throws {
        let condition: Document = .object(["ComparisonOperator": .string("BEGINS_WITH"),
                                           "ComparisonValue": .string("door")])
        let first = try await stack.call("ListStreams", ["StreamNameCondition": condition, "MaxResults": .integer(2)])
        XCTAssertEqual(names(first), ["door-1", "door-2"])
        let second = try await stack.call("ListStreams", ["StreamNameCondition": condition,
                                                          "NextToken": first["NextToken"] ?? .null])
        XCTAssertEqual(names(second), ["door-3"])
        XCTAssertNil(second["NextToken"])
    }

    func testAnInvalidTokenOrLimitIsInvalidArgument() async throws {
        let token = await stack.errorCode("ListStreams", ["NextToken": .string("////")])
        XCTAssertEqual(token, "InvalidArgumentException")
        let limit = await stack.errorCode("ListStreams", ["MaxResults": .integer(0)])
        XCTAssertEqual(limit, "InvalidArgumentException")
    }
}
