import Foundation
import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// CreateApplication, DescribeApplication and ListApplications through `handle(operation:request:)`.
final class AnalyticsCreateDescribeTests: XCTestCase {
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

    func testCreateAnswersTheSummaryAndDescribeShowsEveryMemberAsAWSShapesIt() async throws {
        try await stack.createStream("source")
        try await stack.createStream("sink")
        let answer = try await stack.call("CreateApplication", [
            "ApplicationName": .string("tickers"),
            "ApplicationDescription": .string("demo"),
            "ApplicationCode": .string("CREATE STREAM \"DESTINATION_SQL_STREAM\" (PRICE REAL);"),
            "Inputs": .array([stack.input(stream: "source", prefix: "SOURCE_SQL_STREAM", parallelism: 2)]),
            "Outputs": .array([stack.output(stream: "sink", format: "CSV")]),
            "CloudWatchLoggingOptions": .array([.object([
                "LogStreamARN": .string("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s"),
                "RoleARN": .string(AnalyticsTestStack.role)])]),
        ])
        XCTAssertEqual(answer, .object(["ApplicationSummary": .object([
            "ApplicationName": .string("tickers"),
            "ApplicationARN": .string("arn:aws:kinesisanalytics:us-east-1:000000000000:application/tickers"),
            "ApplicationStatus": .string("READY")])]))

        let detail = try await stack.detail("tickers")
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(1))
        XCTAssertEqual(detail["ApplicationDescription"], .string("demo"))
        XCTAssertEqual(detail["ApplicationCode"], .string("CREATE STREAM \"DESTINATION_SQL_STREAM\" (PRICE REAL);"))
        XCTAssertNotNil(detail["CreateTimestamp"])
        XCTAssertNotNil(detail["LastUpdateTimestamp"])
        guard case .array(let inputs)? = detail["InputDescriptions"], let input = inputs.first else {
            return XCTFail("no InputDescriptions in \(detail)")
        }
        XCTAssertEqual(input["InputId"], .string("1.1"))
        XCTAssertEqual(input["NamePrefix"], .string("SOURCE_SQL_STREAM"))
        XCTAssertEqual(input["InAppStreamNames"],
                       .array([.string("SOURCE_SQL_STREAM_001"), .string("SOURCE_SQL_STREAM_002")]))
        XCTAssertEqual(input["InputParallelism"], .object(["Count": .integer(2)]))
        XCTAssertEqual(input["InputSchema"], AnalyticsTestStack.tickerSchema)
        XCTAssertEqual(input["KinesisStreamsInputDescription"], .object([
            "ResourceARN": .string(stack.streamARN("source")), "RoleARN": .string(AnalyticsTestStack.role)]))
        XCTAssertEqual(input["InputStartingPositionConfiguration"], .object([:]))
        XCTAssertEqual(detail["OutputDescriptions"], .array([.object([
            "OutputId": .string("1.1"),
            "Name": .string("DESTINATION_SQL_STREAM"),
            "KinesisStreamsOutputDescription": .object([
                "ResourceARN": .string(stack.streamARN("sink")), "RoleARN": .string(AnalyticsTestStack.role)]),
            "DestinationSchema": .object(["RecordFormatType": .string("CSV")]),
        ])]))
        XCTAssertEqual(detail["ReferenceDataSourceDescriptions"], .array([]))
        XCTAssertEqual(detail["CloudWatchLoggingOptionDescriptions"], .array([.object([
            "CloudWatchLoggingOptionId": .string("1.1"),
            "LogStreamARN": .string("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s"),
            "RoleARN": .string(AnalyticsTestStack.role)])]))
        XCTAssertEqual(stack.runner.calls, [.validate("tickers")])
    }

    func testTheDescriptorIsDurableAndTypedForTheRuntime() async throws {
        try await stack.createApplication("tickers")
        let reopened = try stack.restartedAnalytics(runner: RecordingRunner())
        let application = try XCTUnwrap(reopened.catalog.application(named: "tickers"))
        XCTAssertEqual(application.inputs.first?.inAppStreamNames, ["SOURCE_SQL_STREAM_001"])
        XCTAssertEqual(application.inputs.first?.source, .kinesisStream(arn: stack.streamARN("source")))
        XCTAssertEqual(application.inputs.first?.schema.format, .json(recordRowPath: "$"))
        XCTAssertEqual(application.inputs.first?.schema.columns.map(\.name), ["TICKER_SYMBOL", "PRICE"])
        XCTAssertEqual(application.outputs.first?.destination, .kinesisStream(arn: stack.streamARN("sink")))
        XCTAssertEqual(application.outputs.first?.format, .json)
    }

    func testNamesAreUniqueAndAReCreatedApplicationIsANewIncarnation() async throws {
        try await stack.createApplication("app")
        let code = await stack.errorCode("CreateApplication", ["ApplicationName": .string("app")])
        XCTAssertEqual(code, "ResourceInUseException")
        let first = try XCTUnwrap(stack.analytics.catalog.application(named: "app"))
        try await stack.call("DeleteApplication", ["ApplicationName": .string("app"),
                                                   "CreateTimestamp": .timestamp(Double(first.createdAt) / 1000)])
        await stack.advance()
        try await stack.call("CreateApplication", ["ApplicationName": .string("app")])
        let second = try XCTUnwrap(stack.analytics.catalog.application(named: "app"))
        XCTAssertNotEqual(first.incarnation, second.incarnation)
    }

    func testCodeTheRunnerRefusesIsACodeValidationExceptionAndNothingIsCreated() async throws {
        let code = await stack.errorCode("CreateApplication", [
            "ApplicationName": .string("bad"), "ApplicationCode": .string("NOT SQL AT ALL")])
        XCTAssertEqual(code, "CodeValidationException")
        let missing = await stack.errorCode("DescribeApplication", ["ApplicationName": .string("bad")])
        XCTAssertEqual(missing, "ResourceNotFoundException")
    }

    func testConfigurationAWSRefusesIsRefused() async throws {
        try await stack.createStream("source")
        try await stack.createStream("sink")
        // An input whose stream does not exist.
        var code = await stack.errorCode("CreateApplication", [
            "ApplicationName": .string("a"), "Inputs": .array([stack.input(stream: "missing")])])
        XCTAssertEqual(code, "InvalidArgumentException")
        // Two inputs.
        code = await stack.errorCode("CreateApplication", [
            "ApplicationName": .string("a"),
            "Inputs": .array([stack.input(stream: "source"), stack.input(stream: "source", prefix: "OTHER")])])
        XCTAssertEqual(code, "InvalidArgumentException")
        // Four outputs.
        code = await stack.errorCode("CreateApplication", [
            "ApplicationName": .string("a"),
            "Outputs": .array((1...4).map { stack.output(stream: "sink", name: "S\($0)") })])
        XCTAssertEqual(code, "InvalidArgumentException")
        // A SqlType the dialect does not know.
        var input = stack.input(stream: "source")
        if case .object(var members) = input, case .object(var schema)? = members["InputSchema"] {
            schema["RecordColumns"] = .array([.object(["Name": .string("X"), "SqlType": .string("VARCHAR(")])])
            members["InputSchema"] = .object(schema)
            input = .object(members)
        }
        code = await stack.errorCode("CreateApplication", ["ApplicationName": .string("a"), "Inputs": .array([input])])
        XCTAssertEqual(code, "InvalidArgumentException")
        // The model's own constraints.
        code = await stack.errorCode("CreateApplication", ["ApplicationName": .string("not valid!")])
        XCTAssertEqual(code, "ValidationException")
        // None of them left anything behind.
        let list = try await stack.call("ListApplications", [:])
        XCTAssertEqual(list["ApplicationSummaries"], .array([]))
    }

    func testListIsAlphabeticalAndPages() async throws {
        for name in ["charlie", "alpha", "bravo"] {
            try await stack.call("CreateApplication", ["ApplicationName": .string(name)])
        }
        let first = try await stack.call("ListApplications", ["Limit": .integer(2)])
        XCTAssertEqual(first["ApplicationSummaries"]?.names, ["alpha", "bravo"])
        XCTAssertEqual(first["HasMoreApplications"], .bool(true))
        let rest = try await stack.call("ListApplications", ["ExclusiveStartApplicationName": .string("bravo")])
        XCTAssertEqual(rest["ApplicationSummaries"]?.names, ["charlie"])
        XCTAssertEqual(rest["HasMoreApplications"], .bool(false))
    }

    func testUnknownApplicationsAreNotFound() async throws {
        do {
            _ = try await stack.call("DescribeApplication", ["ApplicationName": .string("nope")])
            XCTFail("described a missing application")
        } catch let error as AnalyticsError {
            XCTAssertEqual(error, .resourceNotFound("Application nope is not found"))
            XCTAssertEqual(error.serviceError.status, 400)
        }
    }
}

extension Document {
    /// The ApplicationName of each summary in a list.
    var names: [String] {
        guard case .array(let summaries) = self else { return [] }
        return summaries.compactMap { summary in
            if case .string(let name)? = summary["ApplicationName"] { name } else { nil }
        }
    }
}
