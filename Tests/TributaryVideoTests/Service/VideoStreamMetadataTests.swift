import TributaryWire
@testable import TributaryVideo
import XCTest

/// CreateStream's defaults, DescribeStream by name or ARN, UpdateStream and UpdateDataRetention with their version
/// checks and bounds.
final class VideoStreamMetadataTests: XCTestCase {
    var stack: VideoTestStack!

    override func setUp() async throws {
        stack = try VideoTestStack()
    }

    override func tearDown() async throws {
        stack.remove()
    }

    func testCreateStreamDefaultsAndWhatDescribeStreamShows() async throws {
        let arn = try await stack.createActiveStream("cam")
        XCTAssertTrue(arn.hasPrefix("arn:aws:kinesisvideo:us-east-1:000000000000:stream/cam/"), arn)
        let info = try await stack.streamInfo("cam")
        XCTAssertEqual(info["StreamName"], .string("cam"))
        XCTAssertEqual(info["StreamARN"], .string(arn))
        XCTAssertEqual(info["DataRetentionInHours"], .integer(0))
        XCTAssertEqual(info["KmsKeyId"], .string("arn:aws:kms:us-east-1:000000000000:alias/aws/kinesisvideo"))
        XCTAssertNil(info["DeviceName"])
        XCTAssertNil(info["MediaType"])
        guard case .timestamp(let created)? = info["CreationTime"] else { return XCTFail("no CreationTime") }
        XCTAssertEqual(arn.split(separator: "/").last.flatMap { Int64($0) }, Int64((created * 1000).rounded()))
        guard case .string(let version)? = info["Version"] else { return XCTFail("no Version") }
        XCTAssertEqual(version.count, 20)
        XCTAssertTrue(version.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, version)
    }

    func testCreateStreamKeepsWhatItIsGiven() async throws {
        try await stack.createActiveStream("cam", [
            "DeviceName": .string("porch"), "MediaType": .string("video/h264,audio/aac"),
            "KmsKeyId": .string("arn:aws:kms:us-east-1:000000000000:key/abc"), "DataRetentionInHours": .integer(48),
        ])
        let info = try await stack.streamInfo("cam")
        XCTAssertEqual(info["DeviceName"], .string("porch"))
        XCTAssertEqual(info["MediaType"], .string("video/h264,audio/aac"))
        XCTAssertEqual(info["KmsKeyId"], .string("arn:aws:kms:us-east-1:000000000000:key/abc"))
        XCTAssertEqual(info["DataRetentionInHours"], .integer(48))
    }

    func testCreateStreamRefusesRetentionAboveTenYearsAndBadNames() async throws {
        let tooLong = await stack.errorCode("CreateStream", ["StreamName": .string("cam"),
                                                             "DataRetentionInHours": .integer(87_601)])
        XCTAssertEqual(tooLong, "InvalidArgumentException")
        try await stack.createStream("ten-years", ["DataRetentionInHours": .integer(87_600)])
        let badName = await stack.error("CreateStream", ["StreamName": .string("a b")])
        XCTAssertEqual(badName?.code, "InvalidArgumentException")
        XCTAssertEqual(badName?.status, 400)
        XCTAssertEqual(badName?.message,
                       "1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: "
                           + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
        let negative = await stack.errorCode("CreateStream", ["StreamName": .string("cam"),
                                                              "DataRetentionInHours": .integer(-1)])
        XCTAssertEqual(negative, "InvalidArgumentException")
    }

    func testDescribeStreamNeedsExactlyOneOfNameAndARN() async throws {
        let arn = try await stack.createActiveStream("cam")
        let byARN = try await stack.call("DescribeStream", ["StreamARN": .string(arn)])
        XCTAssertEqual(byARN["StreamInfo"]?["StreamName"], .string("cam"))
        let neither = await stack.errorCode("DescribeStream")
        XCTAssertEqual(neither, "InvalidArgumentException")
        let both = await stack.errorCode("DescribeStream", ["StreamName": .string("cam"), "StreamARN": .string(arn)])
        XCTAssertEqual(both, "InvalidArgumentException")
        let missing = await stack.error("DescribeStream", ["StreamName": .string("other")])
        XCTAssertEqual(missing?.code, "ResourceNotFoundException")
        XCTAssertEqual(missing?.status, 404)
    }

    func testARNsOfAnotherAccountOrResourceAreRefused() async throws {
        let arn = try await stack.createActiveStream("cam")
        let foreign = arn.replacingOccurrences(of: ":000000000000:", with: ":111111111111:")
        let other = await stack.error("DescribeStream", ["StreamARN": .string(foreign)])
        XCTAssertEqual(other?.code, "NotAuthorizedException")
        XCTAssertEqual(other?.status, 401)
        let channel = "arn:aws:kinesisvideo:us-east-1:000000000000:channel/cam/1"
        let wrongKind = await stack.errorCode("DescribeStream", ["StreamARN": .string(channel)])
        XCTAssertEqual(wrongKind, "InvalidArgumentException")
        let otherRegion = arn.replacingOccurrences(of: ":us-east-1:", with: ":eu-west-1:")
        let elsewhere = await stack.errorCode("DescribeStream", ["StreamARN": .string(otherRegion)])
        XCTAssertEqual(elsewhere, "ResourceNotFoundException")
    }

    func testUpdateStreamChangesMetadataAndVersionAndIsUpdatingForItsDelay() async throws {
        try await stack.createActiveStream("cam", ["DeviceName": .string("porch")])
        let version = try await stack.version("cam")
        try await stack.call("UpdateStream", ["StreamName": .string("cam"), "CurrentVersion": .string(version),
                                              "MediaType": .string("video/h265")])
        var info = try await stack.streamInfo("cam")
        XCTAssertEqual(info["Status"], .string("UPDATING"))
        XCTAssertEqual(info["MediaType"], .string("video/h265"))
        XCTAssertEqual(info["DeviceName"], .string("porch"))
        XCTAssertNotEqual(info["Version"], .string(version))
        // Media stays available while metadata is updated; metadata cannot change again until ACTIVE.
        XCTAssertEqual(try stack.service.dataStream(name: "cam", arn: nil).status, "UPDATING")
        let newVersion = try await stack.version("cam")
        let busy = await stack.errorCode("UpdateStream", ["StreamName": .string("cam"),
                                                          "CurrentVersion": .string(newVersion)])
        XCTAssertEqual(busy, "ResourceInUseException")
        stack.settle()
        info = try await stack.streamInfo("cam")
        XCTAssertEqual(info["Status"], .string("ACTIVE"))
        let stale = await stack.errorCode("UpdateStream", ["StreamName": .string("cam"),
                                                           "CurrentVersion": .string(version),
                                                           "DeviceName": .string("garden")])
        XCTAssertEqual(stale, "VersionMismatchException")
        try await assertEqualAwaiting(await stack.streamInfo("cam")["DeviceName"], .string("porch"))
    }

    func testUpdateStreamOfACreatingStreamIsResourceInUse() async throws {
        try await stack.createStream("cam")
        let version = try await stack.version("cam")
        let code = await stack.errorCode("UpdateStream", ["StreamName": .string("cam"),
                                                          "CurrentVersion": .string(version)])
        XCTAssertEqual(code, "ResourceInUseException")
    }

    func testDataRetentionMovesWithinZeroAndTenYears() async throws {
        try await stack.createActiveStream("cam", ["DataRetentionInHours": .integer(10)])
        func change(_ operation: String, _ hours: Int64, _ version: String) -> [String: Document] {
            ["StreamName": .string("cam"), "CurrentVersion": .string(version), "Operation": .string(operation),
             "DataRetentionChangeInHours": .integer(hours)]
        }
        var version = try await stack.version("cam")
        try await stack.call("UpdateDataRetention", change("INCREASE_DATA_RETENTION", 5, version))
        try await assertEqualAwaiting(await stack.streamInfo("cam")["DataRetentionInHours"], .integer(15))
        try await assertEqualAwaiting(await stack.streamInfo("cam")["Status"], .string("ACTIVE"))
        let stale = await stack.errorCode("UpdateDataRetention", change("INCREASE_DATA_RETENTION", 1, version))
        XCTAssertEqual(stale, "VersionMismatchException")
        version = try await stack.version("cam")
        let belowZero = await stack.errorCode("UpdateDataRetention", change("DECREASE_DATA_RETENTION", 16, version))
        XCTAssertEqual(belowZero, "InvalidArgumentException")
        let aboveMax = await stack.errorCode("UpdateDataRetention",
                                             change("INCREASE_DATA_RETENTION", 87_600 - 14, version))
        XCTAssertEqual(aboveMax, "InvalidArgumentException")
        let zeroChange = await stack.errorCode("UpdateDataRetention", change("INCREASE_DATA_RETENTION", 0, version))
        XCTAssertEqual(zeroChange, "InvalidArgumentException")
        try await stack.call("UpdateDataRetention", change("DECREASE_DATA_RETENTION", 15, version))
        try await assertEqualAwaiting(await stack.streamInfo("cam")["DataRetentionInHours"], .integer(0))
        XCTAssertEqual(try stack.service.dataStream(name: "cam", arn: nil).retentionMs, 300_000)
        version = try await stack.version("cam")
        try await stack.call("UpdateDataRetention", change("INCREASE_DATA_RETENTION", 87_600, version))
        try await assertEqualAwaiting(await stack.streamInfo("cam")["DataRetentionInHours"], .integer(87_600))
    }
}
