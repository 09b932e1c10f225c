import TributaryWire
@testable import TributaryVideo
import XCTest

/// Image generation and notification configurations: stored, described, cleared, and refused as AWS refuses them.
final class VideoStreamConfigurationTests: XCTestCase {
    var stack: VideoTestStack!

    override func setUp() async throws {
        stack = try VideoTestStack()
        try await stack.createActiveStream("cam", ["DataRetentionInHours": .integer(24)])
    }

    override func tearDown() async throws {
        stack.remove()
    }

    private func imageGeneration(samplingMs: Int64 = 1000, quality: String? = "90",
                                 width: Int64? = 640) -> Document {
        var members: [String: Document] = [
            "Status": .string("ENABLED"), "ImageSelectorType": .string("PRODUCER_TIMESTAMP"),
            "DestinationConfig": .object(["Uri": .string("s3://bucket/images"),
                                          "DestinationRegion": .string("us-east-1")]),
            "SamplingInterval": .integer(samplingMs), "Format": .string("JPEG"),
        ]
        if let quality { members["FormatConfig"] = .object(["JPEGQuality": .string(quality)]) }
        if let width { members["WidthPixels"] = .integer(width) }
        return .object(members)
    }

    private func updateImages(_ configuration: Document?, stream: String = "cam") -> [String: Document] {
        var request: [String: Document] = ["StreamName": .string(stream)]
        request["ImageGenerationConfiguration"] = configuration
        return request
    }

    func testImageGenerationIsStoredDescribedAndClearedByANullConfiguration() async throws {
        let empty = try await stack.call("DescribeImageGenerationConfiguration", ["StreamName": .string("cam")])
        XCTAssertNil(empty["ImageGenerationConfiguration"])
        try await stack.call("UpdateImageGenerationConfiguration", updateImages(imageGeneration()))
        let described = try await stack.call("DescribeImageGenerationConfiguration", ["StreamName": .string("cam")])
        XCTAssertEqual(described["ImageGenerationConfiguration"], imageGeneration())
        try await stack.call("UpdateImageGenerationConfiguration", updateImages(nil))
        let cleared = try await stack.call("DescribeImageGenerationConfiguration", ["StreamName": .string("cam")])
        XCTAssertNil(cleared["ImageGenerationConfiguration"])
    }

    func testImageGenerationBoundsAreAWSs() async throws {
        let tooOften = await stack.errorCode("UpdateImageGenerationConfiguration",
                                             updateImages(imageGeneration(samplingMs: 199)))
        XCTAssertEqual(tooOften, "InvalidArgumentException")
        try await stack.call("UpdateImageGenerationConfiguration", updateImages(imageGeneration(samplingMs: 200)))
        for quality in ["0", "101", "high"] {
            let code = await stack.errorCode("UpdateImageGenerationConfiguration",
                                             updateImages(imageGeneration(quality: quality)))
            XCTAssertEqual(code, "InvalidArgumentException", quality)
        }
        let tooWide = await stack.error("UpdateImageGenerationConfiguration",
                                        updateImages(imageGeneration(width: 3841)))
        XCTAssertEqual(tooWide?.code, "InvalidArgumentException")
        XCTAssertEqual(tooWide?.message?.contains("imageGenerationConfiguration.widthPixels"), true,
                       tooWide?.message ?? "")
        let missingFormat: Document = .object(["Status": .string("ENABLED")])
        let incomplete = await stack.errorCode("UpdateImageGenerationConfiguration", updateImages(missingFormat))
        XCTAssertEqual(incomplete, "InvalidArgumentException")
        // The refusals left the last accepted configuration in place.
        let described = try await stack.call("DescribeImageGenerationConfiguration", ["StreamName": .string("cam")])
        XCTAssertEqual(described["ImageGenerationConfiguration"]?["SamplingInterval"], .integer(200))
    }

    func testConfigurationsNeedDataRetentionAndAnActiveStream() async throws {
        try await stack.createActiveStream("live")
        let images = await stack.error("UpdateImageGenerationConfiguration",
                                       updateImages(imageGeneration(), stream: "live"))
        XCTAssertEqual(images?.code, "NoDataRetentionException")
        XCTAssertEqual(images?.status, 400)
        let notifications = await stack.errorCode("UpdateNotificationConfiguration", [
            "StreamName": .string("live"), "NotificationConfiguration": notification()])
        XCTAssertEqual(notifications, "NoDataRetentionException")
        try await stack.createStream("new", ["DataRetentionInHours": .integer(1)])
        let creating = await stack.errorCode("UpdateImageGenerationConfiguration",
                                             updateImages(imageGeneration(), stream: "new"))
        XCTAssertEqual(creating, "ResourceInUseException")
    }

    private func notification(_ topic: String = "arn:aws:sns:us-east-1:000000000000:fragments") -> Document {
        .object(["Status": .string("ENABLED"), "DestinationConfig": .object(["Uri": .string(topic)])])
    }

    func testNotificationsAreStoredDescribedAndClearedByANullConfiguration() async throws {
        let arn = try await stack.call("DescribeStream", ["StreamName": .string("cam")])["StreamInfo"]?["StreamARN"]
        try await stack.call("UpdateNotificationConfiguration", ["StreamARN": arn ?? .null,
                                                                 "NotificationConfiguration": notification()])
        let described = try await stack.call("DescribeNotificationConfiguration", ["StreamName": .string("cam")])
        XCTAssertEqual(described["NotificationConfiguration"], notification())
        try await stack.call("UpdateNotificationConfiguration", ["StreamName": .string("cam")])
        let cleared = try await stack.call("DescribeNotificationConfiguration", ["StreamName": .string("cam")])
        XCTAssertNil(cleared["NotificationConfiguration"])
        let badUri = await stack.errorCode("UpdateNotificationConfiguration", [
            "StreamName": .string("cam"), "NotificationConfiguration": notification("no scheme")])
        XCTAssertEqual(badUri, "InvalidArgumentException")
    }
}
