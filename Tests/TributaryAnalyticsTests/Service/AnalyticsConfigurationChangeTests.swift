import Foundation
import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// The Add/Delete operations and tags: version checks, ids, limits and what DescribeApplication shows afterwards.
final class AnalyticsConfigurationChangeTests: XCTestCase {
    var directory: URL!
    var stack: AnalyticsTestStack!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stack = try AnalyticsTestStack(directory: directory)
    }

    override func tearDown() async throws {
        try await stack.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private func versioned(_ version: Int64, _ members: [String: Document]) -> [String: Document] {
        members.merging(["ApplicationName": .string("app"), "CurrentApplicationVersionId": .integer(version)]) { $1 }
    }

    func testOutputsAreNumberedVersionedAndLimitedToThree() async throws {
        try await stack.createApplication("app")
        let stale = await stack.errorCode("AddApplicationOutput", versioned(2, ["Output": stack.output(stream: "sink")]))
        XCTAssertEqual(stale, "ConcurrentModificationException")
        try await stack.call("AddApplicationOutput", versioned(1, ["Output": stack.output(stream: "sink", name: "B")]))
        try await stack.call("AddApplicationOutput", versioned(2, ["Output": stack.output(stream: "sink", name: "C")]))
        let fourth = await stack.errorCode("AddApplicationOutput",
                                           versioned(3, ["Output": stack.output(stream: "sink", name: "D")]))
        XCTAssertEqual(fourth, "InvalidArgumentException")
        try await stack.call("DeleteApplicationOutput", versioned(3, ["OutputId": .string("2.1")]))
        let missing = await stack.errorCode("DeleteApplicationOutput", versioned(4, ["OutputId": .string("2.1")]))
        XCTAssertEqual(missing, "ResourceNotFoundException")
        try await stack.call("AddApplicationOutput", versioned(4, ["Output": stack.output(stream: "sink", name: "E")]))
        let detail = try await stack.detail("app")
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(5))
        guard case .array(let outputs)? = detail["OutputDescriptions"] else { return XCTFail("no outputs") }
        XCTAssertEqual(outputs.compactMap { $0["OutputId"] }, [.string("1.1"), .string("3.1"), .string("4.1")])
        XCTAssertEqual(outputs.compactMap { $0["Name"] },
                       [.string("DESTINATION_SQL_STREAM"), .string("C"), .string("E")])
    }

    func testAnInputCanBeAddedOnceAndItsProcessingConfigured() async throws {
        try await stack.createStream("source")
        try await stack.call("CreateApplication", ["ApplicationName": .string("app")])
        try await stack.call("AddApplicationInput", versioned(1, ["Input": stack.input(stream: "source")]))
        let second = await stack.errorCode("AddApplicationInput", versioned(2, ["Input": stack.input(stream: "source")]))
        XCTAssertEqual(second, "InvalidArgumentException")
        let lambda: Document = .object(["InputLambdaProcessor": .object([
            "ResourceARN": .string("arn:aws:lambda:us-east-1:000000000000:function:pre"),
            "RoleARN": .string(AnalyticsTestStack.role)])])
        try await stack.call("AddApplicationInputProcessingConfiguration",
                             versioned(2, ["InputId": .string("1.1"), "InputProcessingConfiguration": lambda]))
        var detail = try await stack.detail("app")
        guard case .array(let inputs)? = detail["InputDescriptions"] else { return XCTFail("no inputs") }
        XCTAssertEqual(inputs.first?["InputId"], .string("1.1"))
        XCTAssertEqual(inputs.first?["InputProcessingConfigurationDescription"], .object([
            "InputLambdaProcessorDescription": .object([
                "ResourceARN": .string("arn:aws:lambda:us-east-1:000000000000:function:pre"),
                "RoleARN": .string(AnalyticsTestStack.role)])]))
        try await stack.call("DeleteApplicationInputProcessingConfiguration",
                             versioned(3, ["InputId": .string("1.1")]))
        detail = try await stack.detail("app")
        guard case .array(let after)? = detail["InputDescriptions"] else { return XCTFail("no inputs") }
        XCTAssertNil(after.first?["InputProcessingConfigurationDescription"])
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(4))
    }

    func testReferenceDataSourcesAndLoggingOptionsComeAndGo() async throws {
        try await stack.call("CreateApplication", ["ApplicationName": .string("app")])
        let reference: Document = .object([
            "TableName": .string("COMPANY"),
            "S3ReferenceDataSource": .object([
                "BucketARN": .string("arn:aws:s3:::bucket"), "FileKey": .string("companies.csv"),
                "ReferenceRoleARN": .string(AnalyticsTestStack.role)]),
            "ReferenceSchema": .object([
                "RecordFormat": .object([
                    "RecordFormatType": .string("CSV"),
                    "MappingParameters": .object(["CSVMappingParameters": .object([
                        "RecordRowDelimiter": .string("\n"), "RecordColumnDelimiter": .string(",")])])]),
                "RecordColumns": .array([
                    .object(["Name": .string("TICKER"), "SqlType": .string("VARCHAR(4)")]),
                    .object(["Name": .string("NAME"), "SqlType": .string("VARCHAR(64)")]),
                ]),
            ]),
        ])
        try await stack.call("AddApplicationReferenceDataSource", versioned(1, ["ReferenceDataSource": reference]))
        let second = await stack.errorCode("AddApplicationReferenceDataSource",
                                           versioned(2, ["ReferenceDataSource": reference]))
        XCTAssertEqual(second, "InvalidArgumentException")
        let application = try XCTUnwrap(stack.analytics.catalog.application(named: "app"))
        XCTAssertEqual(application.referenceDataSources, [ReferenceDataSource(
            id: "1.1", tableName: "COMPANY", bucketARN: "arn:aws:s3:::bucket", fileKey: "companies.csv",
            roleARN: AnalyticsTestStack.role,
            schema: InputSchema(format: .csv(recordDelimiter: "\n", columnDelimiter: ","), encoding: "UTF-8",
                                columns: [RecordColumn(name: "TICKER", sqlType: "VARCHAR(4)"),
                                          RecordColumn(name: "NAME", sqlType: "VARCHAR(64)")]))])
        try await stack.call("UpdateApplication", versioned(2, ["ApplicationUpdate": .object([
            "ReferenceDataSourceUpdates": .array([.object([
                "ReferenceId": .string("1.1"), "TableNameUpdate": .string("COMPANIES"),
                "S3ReferenceDataSourceUpdate": .object(["FileKeyUpdate": .string("v2.csv")])])]),
        ])]))
        let updated = try XCTUnwrap(stack.analytics.catalog.application(named: "app")?.referenceDataSources.first)
        XCTAssertEqual(updated.tableName, "COMPANIES")
        XCTAssertEqual(updated.fileKey, "v2.csv")
        XCTAssertEqual(updated.bucketARN, "arn:aws:s3:::bucket")
        try await stack.call("DeleteApplicationReferenceDataSource", versioned(3, ["ReferenceId": .string("1.1")]))

        let logging: Document = .object([
            "LogStreamARN": .string("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s"),
            "RoleARN": .string(AnalyticsTestStack.role)])
        try await stack.call("AddApplicationCloudWatchLoggingOption", versioned(4, ["CloudWatchLoggingOption": logging]))
        try await stack.call("DeleteApplicationCloudWatchLoggingOption",
                             versioned(5, ["CloudWatchLoggingOptionId": .string("1.1")]))
        let detail = try await stack.detail("app")
        XCTAssertEqual(detail["ReferenceDataSourceDescriptions"], .array([]))
        XCTAssertEqual(detail["CloudWatchLoggingOptionDescriptions"], .array([]))
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(6))
    }

    func testChangesNeedAReadyOrRunningApplication() async throws {
        try await stack.createApplication("app")
        try await stack.call("StartApplication", ["ApplicationName": .string("app"), "InputConfigurations": .array([])])
        let whileStarting = await stack.errorCode("AddApplicationOutput",
                                                  versioned(1, ["Output": stack.output(stream: "sink", name: "B")]))
        XCTAssertEqual(whileStarting, "ResourceInUseException")
    }

    func testTagsMergeAreRemovedAndAreLimitedToFifty() async throws {
        try await stack.call("CreateApplication", ["ApplicationName": .string("app"), "Tags": .array([
            .object(["Key": .string("team"), "Value": .string("a")])])])
        let arn = "arn:aws:kinesisanalytics:us-east-1:000000000000:application/app"
        try await stack.call("TagResource", ["ResourceARN": .string(arn), "Tags": .array([
            .object(["Key": .string("team"), "Value": .string("b")]), .object(["Key": .string("env")])])])
        var tags = try await stack.call("ListTagsForResource", ["ResourceARN": .string(arn)])
        XCTAssertEqual(tags, .object(["Tags": .array([
            .object(["Key": .string("team"), "Value": .string("b")]), .object(["Key": .string("env")])])]))
        try await stack.call("UntagResource", ["ResourceARN": .string(arn), "TagKeys": .array([.string("team")])])
        tags = try await stack.call("ListTagsForResource", ["ResourceARN": .string(arn)])
        XCTAssertEqual(tags, .object(["Tags": .array([.object(["Key": .string("env")])])]))
        let tooMany = await stack.errorCode("TagResource", ["ResourceARN": .string(arn), "Tags": .array(
            (0..<50).map { .object(["Key": .string("k\($0)")]) })])
        XCTAssertEqual(tooMany, "TooManyTagsException")
        let missing = await stack.errorCode("ListTagsForResource", [
            "ResourceARN": .string("arn:aws:kinesisanalytics:us-east-1:000000000000:application/nope")])
        XCTAssertEqual(missing, "ResourceNotFoundException")
        let version = try await stack.version("app")
        XCTAssertEqual(version, 1, "tags are not part of the configuration")
    }
}
