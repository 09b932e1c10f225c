import Foundation
import Logging
import TributaryLog
import TributaryStreams
import TributaryWire
@testable import TributaryFirehose
import XCTest

/// Drives Firehose through its Document API on real file stores and a real local object directory, without HTTP.
final class FirehoseServiceTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("firehose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private struct Stack {
        let firehose: FirehoseService
        let kinesis: KinesisService
        let stores: [FileRecordStore]
        func close() async throws { for store in stores { try await store.close() } }
    }

    private func makeStack() throws -> Stack {
        let records = try FileRecordStore(directory: directory.appendingPathComponent("streams"),
                                          configuration: LogConfiguration(fsync: .never))
        let buffers = try FileRecordStore(directory: directory.appendingPathComponent("firehose"),
                                          configuration: LogConfiguration(segmentBytesMax: 1 << 16, fsync: .never))
        let metadata = try FileMetadataStore(directory: directory.appendingPathComponent("meta"))
        let kinesis = try KinesisService(configuration: StreamsConfiguration(stateDelayMs: 10), records: records,
                                         metadata: metadata, logger: Logger(label: "test"))
        let firehose = try FirehoseService(
            configuration: FirehoseConfiguration(
                stateDelayMs: 10, objectStore: .localDirectory(directory.appendingPathComponent("s3"))),
            buffers: buffers, metadata: metadata, kinesis: kinesis, logger: Logger(label: "test"))
        return Stack(firehose: firehose, kinesis: kinesis, stores: [records, buffers])
    }

    private func s3Configuration(intervalSeconds: Int64, prefix: String = "") -> Document {
        .object([
            "RoleARN": .string("arn:aws:iam::000000000000:role/firehose"),
            "BucketARN": .string("arn:aws:s3:::bucket"),
            "Prefix": .string(prefix),
            "BufferingHints": .object(["SizeInMBs": .integer(1), "IntervalInSeconds": .integer(intervalSeconds)]),
        ])
    }

    private func waitActive(_ firehose: FirehoseService, _ name: String) async throws {
        for _ in 0..<300 {
            let answer = try await firehose.handle(operation: "DescribeDeliveryStream",
                                                   request: .object(["DeliveryStreamName": .string(name)]))
            if answer["DeliveryStreamDescription"]?["DeliveryStreamStatus"] == .string("ACTIVE") { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("delivery stream \(name) never became ACTIVE")
    }

    /// Every object under the bucket, concatenated in key order.
    private func deliveredBytes(prefix: String = "") throws -> [UInt8] {
        let bucket = directory.appendingPathComponent("s3/bucket")
        guard let enumerator = FileManager.default.enumerator(atPath: bucket.path) else { return [] }
        let files = enumerator.compactMap { $0 as? String }.filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter { !FileManager.default.isDirectory(bucket.appendingPathComponent($0)) && $0.hasPrefix(prefix) }
            .sorted()
        return try files.flatMap { Array(try Data(contentsOf: bucket.appendingPathComponent($0))) }
    }

    /// Waits until the objects hold exactly the expected `;`-terminated records. Objects written within one second
    /// may sort either way by name, so records are compared as a sorted list.
    private func waitDelivered(_ expected: [UInt8], prefix: String = "") async throws {
        func records(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).split(separator: ";").map(String.init).sorted()
        }
        for _ in 0..<500 {
            if records(try deliveredBytes(prefix: prefix)) == records(expected) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertEqual(records(try deliveredBytes(prefix: prefix)), records(expected))
    }

    func testDirectPutRecordsAreDeliveredInOrderAndLeaveTheBuffer() async throws {
        let stack = try makeStack()
        let runner = Task { await stack.firehose.run() }
        defer { runner.cancel() }
        _ = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
            "DeliveryStreamName": .string("d"),
            "ExtendedS3DestinationConfiguration": s3Configuration(intervalSeconds: 0, prefix: "out/"),
        ]))
        try await waitActive(stack.firehose, "d")
        var expected: [UInt8] = []
        for batch in 0..<3 {
            let records = (0..<10).map { Array("r\(batch)-\($0);".utf8) }
            expected += records.flatMap { $0 }
            let answer = try await stack.firehose.handle(operation: "PutRecordBatch", request: .object([
                "DeliveryStreamName": .string("d"), "Records": .array(records.map { .object(["Data": .blob($0)]) }),
            ]))
            XCTAssertEqual(answer["FailedPutCount"], .integer(0))
        }
        try await waitDelivered(expected, prefix: "out/")
        let stream = try XCTUnwrap(stack.firehose.catalog.stream(named: "d"))
        let log = try stack.firehose.buffers.log(LogIdentifierFor.buffer(of: stream))
        for _ in 0..<100 where log.startOffset < 30 { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertEqual(log.startOffset, 30, "delivered records are consumed from the buffer")
        runner.cancel()
        try await stack.close()
    }

    func testARefusedCreateLeavesNoKeyAndNoSourcePositionsBehind() async throws {
        let stack = try makeStack()
        _ = try await stack.kinesis.handle(operation: "CreateStream", request: .object([
            "StreamName": .string("src"), "ShardCount": .integer(1)]))
        for _ in 0..<200 {
            let summary = try await stack.kinesis.handle(operation: "DescribeStreamSummary",
                                                         request: .object(["StreamName": .string("src")]))
            if summary["StreamDescriptionSummary"]?["StreamStatus"] == .string("ACTIVE") { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        _ = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
            "DeliveryStreamName": .string("d"),
            "ExtendedS3DestinationConfiguration": s3Configuration(intervalSeconds: 60)]))
        let metadata = stack.firehose.metadata
        let keysBefore = try metadata.load(namespace: BufferKeyring.namespace).count
        let positionsBefore = try metadata.load(namespace: SourceCheckpoints.namespace).count
        do {
            _ = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
                "DeliveryStreamName": .string("d"), "DeliveryStreamType": .string("KinesisStreamAsSource"),
                "KinesisStreamSourceConfiguration": .object([
                    "KinesisStreamARN": .string("arn:aws:kinesis:us-east-1:000000000000:stream/src"),
                    "RoleARN": .string("arn:aws:iam::000000000000:role/r")]),
                "ExtendedS3DestinationConfiguration": s3Configuration(intervalSeconds: 60)]))
            XCTFail("a second stream with the same name was created")
        } catch let error as FirehoseError {
            guard case .resourceInUse = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try metadata.load(namespace: SourceCheckpoints.namespace).count, positionsBefore)
        XCTAssertEqual(try metadata.load(namespace: BufferKeyring.namespace).count, keysBefore)
        XCTAssertEqual(stack.firehose.catalog.stream(named: "d")?.type, "DirectPut")
        try await stack.close()
    }

    func testRecordsBufferedBeforeARestartAreDeliveredAfterIt() async throws {
        var stack = try makeStack()
        let first = stack.firehose
        var runner = Task { await first.run() }
        _ = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
            "DeliveryStreamName": .string("d"),
            "ExtendedS3DestinationConfiguration": s3Configuration(intervalSeconds: 1),
        ]))
        try await waitActive(stack.firehose, "d")
        runner.cancel()
        _ = await runner.value
        _ = try await stack.firehose.handle(operation: "PutRecord", request: .object([
            "DeliveryStreamName": .string("d"), "Record": .object(["Data": .blob(Array("kept".utf8))]),
        ]))
        XCTAssertEqual(try deliveredBytes(), [], "nothing delivers while no worker runs")
        try await stack.close()
        stack = try makeStack()
        let second = stack.firehose
        runner = Task { await second.run() }
        defer { runner.cancel() }
        try await waitDelivered(Array("kept".utf8))
        runner.cancel()
        try await stack.close()
    }

    func testADataStreamSourceDeliversWhatIsWrittenAfterCreationAcrossASplit() async throws {
        let stack = try makeStack()
        let runner = Task { await stack.firehose.run() }
        defer { runner.cancel() }
        _ = try await stack.kinesis.handle(operation: "CreateStream", request: .object([
            "StreamName": .string("src"), "ShardCount": .integer(1)]))
        for _ in 0..<200 {
            let summary = try await stack.kinesis.handle(operation: "DescribeStreamSummary",
                                                         request: .object(["StreamName": .string("src")]))
            if summary["StreamDescriptionSummary"]?["StreamStatus"] == .string("ACTIVE") { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        _ = try await stack.kinesis.handle(operation: "PutRecord", request: .object([
            "StreamName": .string("src"), "PartitionKey": .string("k"), "Data": .blob(Array("before;".utf8))]))
        _ = try await stack.firehose.handle(operation: "CreateDeliveryStream", request: .object([
            "DeliveryStreamName": .string("d"), "DeliveryStreamType": .string("KinesisStreamAsSource"),
            "KinesisStreamSourceConfiguration": .object([
                "KinesisStreamARN": .string("arn:aws:kinesis:us-east-1:000000000000:stream/src"),
                "RoleARN": .string("arn:aws:iam::000000000000:role/r"),
            ]),
            "ExtendedS3DestinationConfiguration": s3Configuration(intervalSeconds: 0),
        ]))
        try await waitActive(stack.firehose, "d")
        var expected: [UInt8] = []
        for index in 0..<5 {
            let data = Array("a\(index);".utf8)
            expected += data
            _ = try await stack.kinesis.handle(operation: "PutRecord", request: .object([
                "StreamName": .string("src"), "PartitionKey": .string("k"), "Data": .blob(data)]))
        }
        try await waitDelivered(expected)
        _ = try await stack.kinesis.handle(operation: "SplitShard", request: .object([
            "StreamName": .string("src"), "ShardToSplit": .string("shardId-000000000000"),
            "NewStartingHashKey": .string("170141183460469231731687303715884105728")]))
        for _ in 0..<200 {
            let summary = try await stack.kinesis.handle(operation: "DescribeStreamSummary",
                                                         request: .object(["StreamName": .string("src")]))
            if summary["StreamDescriptionSummary"]?["StreamStatus"] == .string("ACTIVE") { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        for index in 0..<5 {
            let data = Array("b\(index);".utf8)
            expected += data
            _ = try await stack.kinesis.handle(operation: "PutRecord", request: .object([
                "StreamName": .string("src"), "PartitionKey": .string("k"), "Data": .blob(data)]))
        }
        try await waitDelivered(expected)
        runner.cancel()
        try await stack.close()
    }
}

private extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
