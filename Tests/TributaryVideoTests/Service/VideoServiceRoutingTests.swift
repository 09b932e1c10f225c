import TributaryWire
@testable import TributaryVideo
import XCTest

/// What the gateway relies on: path → operation, GetDataEndpoint, the data plane's stream look-up, and the errors
/// for operations this service does not answer.
final class VideoServiceRoutingTests: XCTestCase {
    var stack: VideoTestStack!

    override func setUp() async throws {
        stack = try VideoTestStack()
    }

    override func tearDown() async throws {
        stack.remove()
    }

    func testEveryModelledPathNamesItsOperation() {
        XCTAssertEqual(VideoService.operation(forPath: "/createStream"), "CreateStream")
        XCTAssertEqual(VideoService.operation(forPath: "/ListTagsForResource"), "ListTagsForResource")
        XCTAssertEqual(VideoService.operation(forPath: "/putMedia"), "PutMedia")
        XCTAssertEqual(VideoService.operation(forPath: "/getMedia"), "GetMedia")
        XCTAssertEqual(VideoService.operation(forPath: "/getHLSStreamingSessionURL"), "GetHLSStreamingSessionURL")
        XCTAssertNil(VideoService.operation(forPath: "/CreateStream"))
        XCTAssertNil(VideoService.operation(forPath: "/hls/v1/getHLSMasterPlaylist.m3u8"))
        // Every operation of the three models is reachable by some path.
        let routed = Set(VideoOperationPaths.operations.values)
        for model in [VideoShapes.model, VideoMediaShapes.model, VideoArchivedMediaShapes.model] {
            for operation in model.operationNames {
                XCTAssertTrue(routed.contains(operation), "\(model.service) \(operation) has no path")
            }
        }
    }

    func testGetDataEndpointAnswersTheGatewaysEndpointForActiveStreams() async throws {
        try await stack.createStream("cam")
        let request: [String: Document] = ["StreamName": .string("cam"), "APIName": .string("PUT_MEDIA")]
        let creating = await stack.error("GetDataEndpoint", request)
        XCTAssertEqual(creating?.code, "ResourceNotFoundException")
        XCTAssertEqual(creating?.status, 404)
        stack.settle()
        for api in ["PUT_MEDIA", "GET_MEDIA", "LIST_FRAGMENTS", "GET_HLS_STREAMING_SESSION_URL", "GET_IMAGES"] {
            let response = try await stack.call("GetDataEndpoint", ["StreamName": .string("cam"),
                                                                    "APIName": .string(api)])
            XCTAssertEqual(response["DataEndpoint"], .string(VideoTestStack.endpoint), api)
        }
        let badAPI = await stack.errorCode("GetDataEndpoint", ["StreamName": .string("cam"),
                                                               "APIName": .string("PUT_RECORDS")])
        XCTAssertEqual(badAPI, "InvalidArgumentException")
    }

    func testDataStreamFindsActiveStreamsByNameOrARNOnly() async throws {
        let arn = try await stack.createStream("cam")
        XCTAssertThrowsError(try stack.service.dataStream(name: "cam", arn: nil)) { error in
            XCTAssertEqual(VideoTestStack.serviceError(error)?.code, "ResourceNotFoundException")
        }
        stack.settle()
        let byName = try stack.service.dataStream(name: "cam", arn: nil)
        let byARN = try stack.service.dataStream(name: nil, arn: arn)
        XCTAssertEqual(byName, byARN)
        XCTAssertEqual(byName.status, "ACTIVE")
        XCTAssertEqual(byName.storageKey, "cam.\(byName.creationMs)")
        XCTAssertEqual(byName.creationTime, Double(byName.creationMs) / 1000)
        for (name, arn) in [(nil, nil), ("cam", arn)] as [(String?, String?)] {
            XCTAssertThrowsError(try stack.service.dataStream(name: name, arn: arn)) { error in
                XCTAssertEqual(VideoTestStack.serviceError(error)?.code, "InvalidArgumentException")
            }
        }
        XCTAssertThrowsError(try stack.service.dataStream(name: "other", arn: nil)) { error in
            XCTAssertEqual(VideoTestStack.serviceError(error)?.status, 404)
        }
        try await stack.call("DeleteStream", ["StreamARN": .string(arn)])
        XCTAssertThrowsError(try stack.service.dataStream(name: "cam", arn: nil)) { error in
            XCTAssertEqual(VideoTestStack.serviceError(error)?.code, "ResourceNotFoundException")
        }
    }

    func testOperationsOutsideTheControlPlaneAreUnknown() async throws {
        for operation in ["GetMedia", "PutMedia", "CreateSignalingChannel", "Nonsense"] {
            let code = await stack.errorCode(operation, [
                "ChannelName": .string("c"), "StreamName": .string("s"),
                "StartSelector": .object(["StartSelectorType": .string("NOW")]),
            ])
            XCTAssertEqual(code, "UnknownOperationException", operation)
        }
    }

    func testAWrongMemberTypeIsASerializationError() async throws {
        let code = await stack.errorCode("CreateStream", ["StreamName": .integer(5)])
        XCTAssertEqual(code, "SerializationException")
        do {
            _ = try await stack.service.handle(operation: "ListStreams", request: .array([]),
                                               endpoint: VideoTestStack.endpoint)
            XCTFail("an array body was accepted")
        } catch {
            XCTAssertEqual(VideoTestStack.serviceError(error)?.code, "SerializationException")
        }
        let listed = try await stack.service.handle(operation: "ListStreams", request: .null,
                                                    endpoint: VideoTestStack.endpoint)
        XCTAssertEqual(listed["StreamInfoList"], .array([]))
    }

    /// The statuses of the kinesisvideo model's `error.httpStatusCode`: 404 for a missing stream, 401 for
    /// authorization, 400 for the rest.
    func testEachErrorHasTheModelsStatus() {
        let expected: [(VideoError, String, Int)] = [
            (.invalidArgument("m"), "InvalidArgumentException", 400),
            (.resourceNotFound("m"), "ResourceNotFoundException", 404),
            (.resourceInUse("m"), "ResourceInUseException", 400),
            (.versionMismatch("m"), "VersionMismatchException", 400),
            (.accountStreamLimitExceeded("m"), "AccountStreamLimitExceededException", 400),
            (.tagsPerResourceExceededLimit("m"), "TagsPerResourceExceededLimitException", 400),
            (.invalidResourceFormat("m"), "InvalidResourceFormatException", 400),
            (.notAuthorized("m"), "NotAuthorizedException", 401),
            (.noDataRetention("m"), "NoDataRetentionException", 400),
        ]
        for (error, code, status) in expected {
            XCTAssertEqual(error.serviceError, ServiceError(code: code, message: "m", status: status))
        }
    }
}
