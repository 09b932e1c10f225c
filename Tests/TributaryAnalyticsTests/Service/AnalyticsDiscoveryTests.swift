import Foundation
import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// DiscoverInputSchema over a data stream and over an object in the local object store.
final class AnalyticsDiscoveryTests: XCTestCase {
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

    func testSamplesAStreamFromTrimHorizon() async throws {
        try await stack.createStream("ticks", shards: 2)
        for (ticker, price) in [("AMZN", 10.5), ("MSFT", 20.25), ("IBM", 30.0)] {
            try await stack.putRecord("ticks", #"{"TICKER_SYMBOL":"\#(ticker)","PRICE":\#(price)}"#)
        }
        let answer = try await stack.call("DiscoverInputSchema", [
            "ResourceARN": .string(stack.streamARN("ticks")), "RoleARN": .string(AnalyticsTestStack.role),
            "InputStartingPositionConfiguration": .object(["InputStartingPosition": .string("TRIM_HORIZON")]),
        ])
        XCTAssertEqual(answer["InputSchema"]?["RecordFormat"]?["RecordFormatType"], .string("JSON"))
        guard case .array(let columns)? = answer["InputSchema"]?["RecordColumns"] else {
            return XCTFail("no columns in \(answer)")
        }
        XCTAssertEqual(columns.compactMap { $0["Name"] }, [.string("TICKER_SYMBOL"), .string("PRICE")])
        guard case .array(let raw)? = answer["RawInputRecords"], case .array(let parsed)? = answer["ParsedInputRecords"]
        else { return XCTFail("no samples in \(answer)") }
        XCTAssertEqual(raw.count, 3)
        XCTAssertEqual(parsed.count, 3)
    }

    func testSamplesWhatWasPutIntoADeliveryStream() async throws {
        let firehose = stack.firehose
        let runner = Task { await firehose.run() }
        defer { runner.cancel() }
        let created = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
            "DeliveryStreamName": .string("puts"),
            "ExtendedS3DestinationConfiguration": .object([
                "RoleARN": .string(AnalyticsTestStack.role), "BucketARN": .string("arn:aws:s3:::bucket"),
                "BufferingHints": .object(["IntervalInSeconds": .integer(900), "SizeInMBs": .integer(128)])]),
        ]))
        for _ in 0..<200 {
            let described = try await stack.firehose.handle(operation: "DescribeDeliveryStream",
                                                            request: .object(["DeliveryStreamName": .string("puts")]))
            if described["DeliveryStreamDescription"]?["DeliveryStreamStatus"] == .string("ACTIVE") { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        for line in ["AMZN,10", "MSFT,20"] {
            _ = try await stack.firehose.handle(operation: "PutRecord", request: .object([
                "DeliveryStreamName": .string("puts"),
                "Record": .object(["Data": .string(Data(line.utf8).base64EncodedString())])]))
        }
        let answer = try await stack.call("DiscoverInputSchema", [
            "ResourceARN": created["DeliveryStreamARN"] ?? .null, "RoleARN": .string(AnalyticsTestStack.role),
            "InputStartingPositionConfiguration": .object(["InputStartingPosition": .string("TRIM_HORIZON")]),
        ])
        XCTAssertEqual(answer["InputSchema"]?["RecordFormat"]?["RecordFormatType"], .string("CSV"))
        XCTAssertEqual(answer["RawInputRecords"], .array([.string("AMZN,10"), .string("MSFT,20")]))
        runner.cancel()
        await runner.value
    }

    func testSamplesTheLinesOfAnObject() async throws {
        let bucket = directory.appendingPathComponent("s3/bucket/data", isDirectory: true)
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        try Data("AMZN,Retail,10\nMSFT,Tech,20\n".utf8).write(to: bucket.appendingPathComponent("ticks.csv"))
        let answer = try await stack.call("DiscoverInputSchema", ["S3Configuration": .object([
            "RoleARN": .string(AnalyticsTestStack.role), "BucketARN": .string("arn:aws:s3:::bucket"),
            "FileKey": .string("data/ticks.csv")])])
        XCTAssertEqual(answer["InputSchema"]?["RecordFormat"]?["RecordFormatType"], .string("CSV"))
        XCTAssertEqual(answer["RawInputRecords"], .array([.string("AMZN,Retail,10"), .string("MSFT,Tech,20")]))
        let missing = await stack.errorCode("DiscoverInputSchema", ["S3Configuration": .object([
            "RoleARN": .string(AnalyticsTestStack.role), "BucketARN": .string("arn:aws:s3:::bucket"),
            "FileKey": .string("../../etc/passwd")])])
        XCTAssertEqual(missing, "InvalidArgumentException")
    }

    func testNothingToSampleIsUnableToDetectSchema() async throws {
        try await stack.createStream("empty")
        let code = await stack.errorCode("DiscoverInputSchema", [
            "ResourceARN": .string(stack.streamARN("empty")), "RoleARN": .string(AnalyticsTestStack.role),
            "InputStartingPositionConfiguration": .object(["InputStartingPosition": .string("TRIM_HORIZON")]),
        ])
        XCTAssertEqual(code, "UnableToDetectSchemaException")
        let noSource = await stack.errorCode("DiscoverInputSchema", [:])
        XCTAssertEqual(noSource, "InvalidArgumentException")
    }
}
