import Foundation
import Logging
import TributaryLog
import TributaryStreams
import TributaryWire
import XCTest

/// Drives the service through its Document API on a real file store, without HTTP.
final class KinesisServiceTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kinesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func makeService() throws -> (KinesisService, FileRecordStore) {
        let store = try FileRecordStore(directory: directory, configuration: LogConfiguration(fsync: .never))
        let metadata = try FileMetadataStore(directory: directory.appendingPathComponent("meta"))
        let service = try KinesisService(configuration: StreamsConfiguration(stateDelayMs: 10), records: store,
                                         metadata: metadata, logger: Logger(label: "test"))
        return (service, store)
    }

    private func waitActive(_ service: KinesisService, _ name: String) async throws {
        for _ in 0..<200 {
            let summary = try await service.handle(operation: "DescribeStreamSummary",
                                                   request: .object(["StreamName": .string(name)]))
            if summary["StreamDescriptionSummary"]?["StreamStatus"] == .string("ACTIVE") { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("stream \(name) never became ACTIVE")
    }

    func testPutThenReadFromTrimHorizonAcrossRestart() async throws {
        var (service, store) = try makeService()
        _ = try await service.handle(operation: "CreateStream",
                                     request: .object(["StreamName": .string("s"), "ShardCount": .integer(1)]))
        try await waitActive(service, "s")
        var sequenceNumbers: [String] = []
        for index in 0..<5 {
            let answer = try await service.handle(operation: "PutRecord", request: .object([
                "StreamName": .string("s"), "PartitionKey": .string("k\(index)"), "Data": .blob(Array("r\(index)".utf8)),
            ]))
            guard case .string(let sequence)? = answer["SequenceNumber"] else { return XCTFail("no sequence number") }
            sequenceNumbers.append(sequence)
        }
        XCTAssertEqual(sequenceNumbers, sequenceNumbers.sorted())
        try await store.close()

        (service, store) = try makeService()
        let iterator = try await service.handle(operation: "GetShardIterator", request: .object([
            "StreamName": .string("s"), "ShardId": .string("shardId-000000000000"),
            "ShardIteratorType": .string("TRIM_HORIZON"),
        ]))
        let records = try await service.handle(operation: "GetRecords",
                                               request: .object(["ShardIterator": iterator["ShardIterator"]!]))
        guard case .array(let items)? = records["Records"] else { return XCTFail("no records") }
        XCTAssertEqual(items.map { $0["Data"] }, (0..<5).map { .blob(Array("r\($0)".utf8)) })
        XCTAssertEqual(items.map { $0["SequenceNumber"] }, sequenceNumbers.map { .string($0) })
        try await store.close()
    }

    func testRejectedPutRecordsStoresNothing() async throws {
        let (service, store) = try makeService()
        _ = try await service.handle(operation: "CreateStream",
                                     request: .object(["StreamName": .string("v"), "ShardCount": .integer(1)]))
        try await waitActive(service, "v")
        let entries: [Document] = [
            .object(["PartitionKey": .string("good"), "Data": .blob([1])]),
            .object(["PartitionKey": .string(""), "Data": .blob([2])]),
        ]
        do {
            _ = try await service.handle(operation: "PutRecords",
                                         request: .object(["StreamName": .string("v"), "Records": .array(entries)]))
            XCTFail("an empty partition key must be refused")
        } catch let error as ServiceError {
            XCTAssertEqual(error.code, "ValidationException")
            XCTAssertEqual(error.message, "1 validation error detected: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1")
        }
        let iterator = try await service.handle(operation: "GetShardIterator", request: .object([
            "StreamName": .string("v"), "ShardId": .string("shardId-000000000000"),
            "ShardIteratorType": .string("TRIM_HORIZON"),
        ]))
        let records = try await service.handle(operation: "GetRecords",
                                               request: .object(["ShardIterator": iterator["ShardIterator"]!]))
        XCTAssertEqual(records["Records"], .array([]))
        try await store.close()
    }
}
