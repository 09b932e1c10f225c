import Foundation
import Logging
import TributaryFirehose
import TributaryLog
import TributaryStreams
import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// Real Streams, Firehose and Analytics services on file stores in a temporary directory, with a recording runner,
/// driven through their Document APIs without HTTP.
struct AnalyticsTestStack {
    static let role = "arn:aws:iam::000000000000:role/analytics"

    let directory: URL
    let kinesis: KinesisService
    let firehose: FirehoseService
    let analytics: AnalyticsService
    let runner: RecordingRunner
    let metadata: FileMetadataStore
    let stores: [FileRecordStore]

    init(directory: URL, runner: RecordingRunner = RecordingRunner()) throws {
        self.directory = directory
        self.runner = runner
        let records = try FileRecordStore(directory: directory.appendingPathComponent("streams"),
                                          configuration: LogConfiguration(fsync: .never))
        let buffers = try FileRecordStore(directory: directory.appendingPathComponent("firehose"),
                                          configuration: LogConfiguration(segmentBytesMax: 1 << 16, fsync: .never))
        metadata = try FileMetadataStore(directory: directory.appendingPathComponent("meta"))
        kinesis = try KinesisService(configuration: StreamsConfiguration(stateDelayMs: 0), records: records,
                                     metadata: metadata, logger: Logger(label: "test"))
        let objectStore = ObjectStoreSettings.localDirectory(directory.appendingPathComponent("s3"))
        firehose = try FirehoseService(configuration: FirehoseConfiguration(stateDelayMs: 0, objectStore: objectStore),
                                       buffers: buffers, metadata: metadata, kinesis: kinesis,
                                       logger: Logger(label: "test"))
        analytics = try AnalyticsService(
            configuration: AnalyticsConfiguration(stateDelayMs: 0, objectStore: objectStore), metadata: metadata,
            kinesis: kinesis, firehose: firehose, runner: runner, logger: Logger(label: "test"))
        stores = [records, buffers]
    }

    func close() async throws { for store in stores { try await store.close() } }

    /// A second Analytics service on the same metadata, as after a server restart.
    func restartedAnalytics(runner: RecordingRunner) throws -> AnalyticsService {
        try AnalyticsService(configuration: AnalyticsConfiguration(stateDelayMs: 0), metadata: metadata,
                             kinesis: kinesis, firehose: firehose, runner: runner, logger: Logger(label: "test"))
    }

    @discardableResult
    func call(_ operation: String, _ members: [String: Document]) async throws -> Document {
        try await analytics.handle(operation: operation, request: .object(members))
    }

    /// The error code a call fails with (nil when it succeeds).
    func errorCode(_ operation: String, _ members: [String: Document]) async -> String? {
        do {
            _ = try await call(operation, members)
            return nil
        } catch let error as ServiceErrorConvertible {
            return error.serviceError.code
        } catch let error as ServiceError {
            return error.code
        } catch {
            return "\(error)"
        }
    }

    func streamARN(_ name: String) -> String { "arn:aws:kinesis:us-east-1:000000000000:stream/\(name)" }

    /// Creates an ACTIVE data stream.
    func createStream(_ name: String, shards: Int64 = 1) async throws {
        _ = try await kinesis.handle(operation: "CreateStream", request: .object([
            "StreamName": .string(name), "ShardCount": .integer(shards)]))
        for _ in 0..<200 {
            let summary = try await kinesis.handle(operation: "DescribeStreamSummary",
                                                   request: .object(["StreamName": .string(name)]))
            if summary["StreamDescriptionSummary"]?["StreamStatus"] == .string("ACTIVE") { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("stream \(name) never became ACTIVE")
    }

    func putRecord(_ stream: String, _ text: String) async throws {
        _ = try await kinesis.handle(operation: "PutRecord", request: .object([
            "StreamName": .string(stream), "PartitionKey": .string("k"),
            "Data": .string(Data(text.utf8).base64EncodedString())]))
    }

    static let tickerSchema: Document = .object([
        "RecordFormat": .object([
            "RecordFormatType": .string("JSON"),
            "MappingParameters": .object(["JSONMappingParameters": .object(["RecordRowPath": .string("$")])]),
        ]),
        "RecordEncoding": .string("UTF-8"),
        "RecordColumns": .array([
            .object(["Name": .string("TICKER_SYMBOL"), "Mapping": .string("$.TICKER_SYMBOL"),
                     "SqlType": .string("VARCHAR(4)")]),
            .object(["Name": .string("PRICE"), "Mapping": .string("$.PRICE"), "SqlType": .string("REAL")]),
        ]),
    ])

    func input(stream: String, prefix: String = "SOURCE_SQL_STREAM", parallelism: Int64 = 1) -> Document {
        .object([
            "NamePrefix": .string(prefix),
            "KinesisStreamsInput": .object(["ResourceARN": .string(streamARN(stream)), "RoleARN": .string(Self.role)]),
            "InputParallelism": .object(["Count": .integer(parallelism)]),
            "InputSchema": Self.tickerSchema,
        ])
    }

    func output(stream: String, name: String = "DESTINATION_SQL_STREAM", format: String = "JSON") -> Document {
        .object([
            "Name": .string(name),
            "KinesisStreamsOutput": .object(["ResourceARN": .string(streamARN(stream)), "RoleARN": .string(Self.role)]),
            "DestinationSchema": .object(["RecordFormatType": .string(format)]),
        ])
    }

    /// Creates `name` reading `source` and writing `sink` (both streams are created), with `code`.
    func createApplication(_ name: String, source: String = "source", sink: String = "sink",
                           code: String? = "CREATE STREAM \"DESTINATION_SQL_STREAM\" (PRICE REAL);") async throws {
        if (try? kinesis.consumableStream(source)) == nil { try await createStream(source) }
        if (try? kinesis.consumableStream(sink)) == nil { try await createStream(sink) }
        var members: [String: Document] = [
            "ApplicationName": .string(name),
            "Inputs": .array([input(stream: source)]),
            "Outputs": .array([output(stream: sink)]),
        ]
        members["ApplicationCode"] = code.map(Document.string)
        try await call("CreateApplication", members)
    }

    func detail(_ name: String) async throws -> Document {
        let answer = try await call("DescribeApplication", ["ApplicationName": .string(name)])
        return answer["ApplicationDetail"] ?? .null
    }

    func status(_ name: String) async throws -> String? {
        guard case .string(let status)? = try await detail(name)["ApplicationStatus"] else { return nil }
        return status
    }

    func version(_ name: String) async throws -> Int64 {
        guard case .integer(let version)? = try await detail(name)["ApplicationVersionId"] else { return 0 }
        return version
    }

    /// Finishes every due transition now (stateDelayMs is 0), as `run()` would on its next pass.
    func advance() async {
        await analytics.advanceTransitions(nowMs: Int64.max)
    }
}
