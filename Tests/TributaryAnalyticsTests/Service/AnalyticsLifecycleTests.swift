import Foundation
import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// Start, stop, update of a running application, delete and server restarts, with the runner calls they cause.
final class AnalyticsLifecycleTests: XCTestCase {
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

    private func start(_ name: String, _ position: String = "TRIM_HORIZON") async throws {
        try await stack.call("StartApplication", [
            "ApplicationName": .string(name),
            "InputConfigurations": .array([.object([
                "Id": .string("1.1"),
                "InputStartingPositionConfiguration": .object(["InputStartingPosition": .string(position)])])]),
        ])
    }

    func testStartGoesThroughStartingToRunningAndStopBackToReady() async throws {
        try await stack.createApplication("app")
        try await start("app")
        let starting = try await stack.status("app")
        XCTAssertEqual(starting, "STARTING")
        await stack.advance()
        let running = try await stack.status("app")
        XCTAssertEqual(running, "RUNNING")
        let detail = try await stack.detail("app")
        guard case .array(let inputs)? = detail["InputDescriptions"] else { return XCTFail("no inputs") }
        XCTAssertEqual(inputs.first?["InputStartingPositionConfiguration"],
                       .object(["InputStartingPosition": .string("TRIM_HORIZON")]))
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(1), "starting changes no configuration")

        let again = await stack.errorCode("StartApplication", ["ApplicationName": .string("app"),
                                                                "InputConfigurations": .array([])])
        XCTAssertEqual(again, "ResourceInUseException")

        try await stack.call("StopApplication", ["ApplicationName": .string("app")])
        let stopping = try await stack.status("app")
        XCTAssertEqual(stopping, "STOPPING")
        await stack.advance()
        let ready = try await stack.status("app")
        XCTAssertEqual(ready, "READY")
        let stopAgain = await stack.errorCode("StopApplication", ["ApplicationName": .string("app")])
        XCTAssertEqual(stopAgain, "ResourceInUseException")

        XCTAssertEqual(stack.runner.calls.filter { if case .validate = $0 { false } else { true } },
                       [.start("app", ["1.1": .trimHorizon]), .stop("app")])
    }

    func testAStartTheRunnerRefusesLeavesTheApplicationReady() async throws {
        try await stack.createApplication("app")
        stack.runner.failStarts(true)
        try await start("app", "NOW")
        await stack.advance()
        let status = try await stack.status("app")
        XCTAssertEqual(status, "READY")
    }

    func testStartChecksInputsIdsAndResources() async throws {
        try await stack.call("CreateApplication", ["ApplicationName": .string("empty")])
        let noInput = await stack.errorCode("StartApplication", ["ApplicationName": .string("empty"),
                                                                  "InputConfigurations": .array([])])
        XCTAssertEqual(noInput, "InvalidApplicationConfigurationException")

        try await stack.createApplication("app")
        let unknownId = await stack.errorCode("StartApplication", [
            "ApplicationName": .string("app"),
            "InputConfigurations": .array([.object(["Id": .string("9.1"),
                                                    "InputStartingPositionConfiguration": .object([:])])]),
        ])
        XCTAssertEqual(unknownId, "InvalidArgumentException")

        _ = try await stack.kinesis.handle(operation: "DeleteStream", request: .object(["StreamName": .string("sink")]))
        for _ in 0..<200 where (try? stack.kinesis.consumableStream("sink")) != nil {
            try await Task.sleep(for: .milliseconds(10))
        }
        let missingSink = await stack.errorCode("StartApplication", ["ApplicationName": .string("app"),
                                                                      "InputConfigurations": .array([])])
        XCTAssertEqual(missingSink, "InvalidApplicationConfigurationException")
        let status = try await stack.status("app")
        XCTAssertEqual(status, "READY")
    }

    func testUpdatingARunningApplicationRestartsItFromItsLastStoppedPoint() async throws {
        try await stack.createApplication("app")
        try await start("app")
        await stack.advance()
        let stale = await stack.errorCode("UpdateApplication", [
            "ApplicationName": .string("app"), "CurrentApplicationVersionId": .integer(7),
            "ApplicationUpdate": .object(["ApplicationCodeUpdate": .string("CREATE STREAM \"X\" (A INTEGER);")]),
        ])
        XCTAssertEqual(stale, "ConcurrentModificationException")
        try await stack.call("UpdateApplication", [
            "ApplicationName": .string("app"), "CurrentApplicationVersionId": .integer(1),
            "ApplicationUpdate": .object([
                "ApplicationCodeUpdate": .string("CREATE STREAM \"X\" (A INTEGER);"),
                "InputUpdates": .array([.object(["InputId": .string("1.1"), "NamePrefixUpdate": .string("IN"),
                                                 "InputParallelismUpdate": .object(["CountUpdate": .integer(3)])])]),
            ]),
        ])
        let updating = try await stack.status("app")
        XCTAssertEqual(updating, "UPDATING")
        await stack.advance()
        let detail = try await stack.detail("app")
        XCTAssertEqual(detail["ApplicationStatus"], .string("RUNNING"))
        XCTAssertEqual(detail["ApplicationVersionId"], .integer(2))
        XCTAssertEqual(detail["ApplicationCode"], .string("CREATE STREAM \"X\" (A INTEGER);"))
        guard case .array(let inputs)? = detail["InputDescriptions"] else { return XCTFail("no inputs") }
        XCTAssertEqual(inputs.first?["InAppStreamNames"], .array([.string("IN_001"), .string("IN_002"),
                                                                   .string("IN_003")]))
        XCTAssertEqual(Array(stack.runner.calls.suffix(4)),
                       [.start("app", ["1.1": .trimHorizon]), .validate("app"), .stop("app"),
                        .start("app", ["1.1": .lastStoppedPoint])])
    }

    func testAnUpdateWithCodeTheRunnerRefusesChangesNothing() async throws {
        try await stack.createApplication("app")
        let code = await stack.errorCode("UpdateApplication", [
            "ApplicationName": .string("app"), "CurrentApplicationVersionId": .integer(1),
            "ApplicationUpdate": .object(["ApplicationCodeUpdate": .string("NOT SQL")]),
        ])
        XCTAssertEqual(code, "CodeValidationException")
        let version = try await stack.version("app")
        XCTAssertEqual(version, 1)
    }

    func testARunningApplicationResumesFromItsLastStoppedPointAfterARestart() async throws {
        try await stack.createApplication("running")
        try await stack.createApplication("idle", source: "source", sink: "sink")
        try await start("running")
        await stack.advance()
        let runner = RecordingRunner()
        let restarted = try stack.restartedAnalytics(runner: runner)
        await restarted.resumeRunningApplications()
        XCTAssertEqual(runner.calls, [.start("running", ["1.1": .lastStoppedPoint])])
        XCTAssertEqual(restarted.catalog.application(named: "running")?.status, .running)
    }

    func testDeleteNeedsTheCreateTimestampAndStopsAndForgetsTheApplication() async throws {
        try await stack.createApplication("app")
        try await start("app")
        await stack.advance()
        let created = try XCTUnwrap(stack.analytics.catalog.application(named: "app")).createdAt
        let wrong = await stack.errorCode("DeleteApplication", [
            "ApplicationName": .string("app"), "CreateTimestamp": .timestamp(Double(created) / 1000 - 100)])
        XCTAssertEqual(wrong, "InvalidArgumentException")
        // boto3 sends whole seconds.
        try await stack.call("DeleteApplication", [
            "ApplicationName": .string("app"), "CreateTimestamp": .integer(created / 1000)])
        let deleting = try await stack.status("app")
        XCTAssertEqual(deleting, "DELETING")
        await stack.advance()
        let gone = await stack.errorCode("DescribeApplication", ["ApplicationName": .string("app")])
        XCTAssertEqual(gone, "ResourceNotFoundException")
        XCTAssertEqual(Array(stack.runner.calls.suffix(2)), [.stop("app"), .delete("app")])
    }

    func testRunFinishesTransitionsByItself() async throws {
        try await stack.createApplication("app")
        let analytics: AnalyticsService = stack.analytics
        let task = Task { await analytics.run() }
        try await start("app")
        var status: String?
        for _ in 0..<300 {
            status = try await stack.status("app")
            if status == "RUNNING" { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        await task.value
        XCTAssertEqual(status, "RUNNING")
    }
}
