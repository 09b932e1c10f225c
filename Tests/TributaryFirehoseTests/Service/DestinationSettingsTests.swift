import TributaryWire
@testable import TributaryFirehose
import XCTest

/// The typed destination view: AWS's defaults, and the rules CreateDeliveryStream enforces beyond the model.
final class DestinationSettingsTests: XCTestCase {
    private func s3(_ extra: [String: Document] = [:]) -> Document {
        var members: [String: Document] = [
            "RoleARN": .string("arn:aws:iam::000000000000:role/r"), "BucketARN": .string("arn:aws:s3:::my-bucket"),
        ]
        members.merge(extra) { $1 }
        return .object(members)
    }

    func testS3DefaultsAreAWSs() throws {
        let settings = try DestinationSettings(kind: .extendedS3, configuration: s3())
        XCTAssertEqual(settings.bufferSizeBytes, 5 << 20)
        XCTAssertEqual(settings.bufferIntervalMs, 300_000)
        XCTAssertEqual(settings.s3.bucket, "my-bucket")
        XCTAssertEqual(settings.s3.compression, .uncompressed)
        XCTAssertTrue(settings.processors.isEmpty)
    }

    func testABucketARNWithAPathIsRefused() {
        XCTAssertThrowsError(try DestinationSettings(kind: .s3, configuration: .object([
            "RoleARN": .string("r"), "BucketARN": .string("arn:aws:s3:::bucket/key")])))
    }

    func testDynamicPartitioningNeedsSixtyFourMiBBuffers() {
        let configuration = s3([
            "DynamicPartitioningConfiguration": .object(["Enabled": .bool(true)]),
            "BufferingHints": .object(["SizeInMBs": .integer(5), "IntervalInSeconds": .integer(60)]),
            "Prefix": .string("k=!{partitionKeyFromQuery:k}/"), "ErrorOutputPrefix": .string("errors/"),
        ])
        XCTAssertThrowsError(try DestinationSettings(kind: .extendedS3, configuration: configuration)) { error in
            guard case FirehoseError.invalidArgument(let message)? = error as? FirehoseError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(message.contains("64"), message)
        }
    }

    func testProcessorsRunInFirehoseOrderWhateverTheListOrder() throws {
        let settings = try DestinationSettings(kind: .extendedS3, configuration: s3([
            "ProcessingConfiguration": .object(["Enabled": .bool(true), "Processors": .array([
                .object(["Type": .string("AppendDelimiterToRecord")]),
                .object(["Type": .string("RecordDeAggregation"), "Parameters": .array([
                    .object(["ParameterName": .string("SubRecordType"), "ParameterValue": .string("JSON")])])]),
            ])]),
        ]))
        XCTAssertEqual(settings.processors.map(\.rank), [2, 5])
    }

    func testADisabledProcessingConfigurationRunsNothing() throws {
        let settings = try DestinationSettings(kind: .extendedS3, configuration: s3([
            "ProcessingConfiguration": .object(["Enabled": .bool(false), "Processors": .array([
                .object(["Type": .string("AppendDelimiterToRecord")])])]),
        ]))
        XCTAssertTrue(settings.processors.isEmpty)
    }

    func testALambdaProcessorWithoutItsARNIsRefused() {
        XCTAssertThrowsError(try DestinationSettings(kind: .extendedS3, configuration: s3([
            "ProcessingConfiguration": .object(["Enabled": .bool(true), "Processors": .array([
                .object(["Type": .string("Lambda")])])]),
        ])))
    }

    func testHTTPEndpointsNeedHTTPSAndKeepTheirRequestSettings() throws {
        let base: [String: Document] = [
            "EndpointConfiguration": .object(["Url": .string("https://example.test/in"), "AccessKey": .string("k")]),
            "RequestConfiguration": .object(["ContentEncoding": .string("GZIP"), "CommonAttributes": .array([
                .object(["AttributeName": .string("a"), "AttributeValue": .string("1")])])]),
            "S3Configuration": s3(),
        ]
        let settings = try DestinationSettings(kind: .httpEndpoint, configuration: .object(base))
        XCTAssertEqual(settings.http?.gzip, true)
        XCTAssertEqual(settings.http?.accessKey, "k")
        XCTAssertEqual(settings.http?.retryDurationSeconds, 300)
        XCTAssertEqual(settings.http?.commonAttributes.first?.0, "a")
        var plain = base
        plain["EndpointConfiguration"] = .object(["Url": .string("http://example.test/in")])
        XCTAssertThrowsError(try DestinationSettings(kind: .httpEndpoint, configuration: .object(plain)))
    }

    func testUpdatesMergeIntoTheStoredConfigurationMemberByMember() {
        let merged = FirehoseService.merge(
            s3(["BufferingHints": .object(["SizeInMBs": .integer(5), "IntervalInSeconds": .integer(300)])]),
            FirehoseService.configurationMembers(of: .object([
                "BufferingHints": .object(["IntervalInSeconds": .integer(60)]),
                "S3BackupUpdate": .object(["BucketARN": .string("arn:aws:s3:::backup")]),
            ])))
        XCTAssertEqual(merged["BufferingHints"]?["SizeInMBs"], .integer(5))
        XCTAssertEqual(merged["BufferingHints"]?["IntervalInSeconds"], .integer(60))
        XCTAssertEqual(merged["S3BackupConfiguration"]?["BucketARN"], .string("arn:aws:s3:::backup"))
        XCTAssertEqual(merged["BucketARN"], .string("arn:aws:s3:::my-bucket"))
    }

    func testDescriptionsFillAWSDefaultsAndHideTheAccessKey() throws {
        let destination = DeliveryStreamDescriptor.Destination(
            destinationId: "destinationId-000000000001", kind: .httpEndpoint,
            configurationJSON: #"{"EndpointConfiguration":{"Url":"https://e.test","AccessKey":"secret","Name":"n"},"S3Configuration":{"RoleARN":"r","BucketARN":"arn:aws:s3:::b"}}"#)
        let description = try DestinationDescription.document(destination)
        let http = try XCTUnwrap(description["HttpEndpointDestinationDescription"])
        XCTAssertNil(http["EndpointConfiguration"]?["AccessKey"])
        XCTAssertEqual(http["EndpointConfiguration"]?["Name"], .string("n"))
        XCTAssertEqual(http["S3BackupMode"], .string("FailedDataOnly"))
        XCTAssertEqual(http["S3DestinationDescription"]?["CompressionFormat"], .string("UNCOMPRESSED"))
        XCTAssertEqual(http["BufferingHints"]?["SizeInMBs"], .integer(5))
    }
}
