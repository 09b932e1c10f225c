import Foundation
import TributaryFirehose
import TributaryStreams
import TributaryWire

/// Delivers output records through the same public APIs any producer uses: PutRecords on a data stream,
/// PutRecordBatch on a delivery stream, in batches of their limits. Throttled or failed entries are sent again
/// until accepted (with a pause), so an output never drops a row while the application runs.
struct OutputDelivery: Sendable {
    static let retryDelay = Duration.milliseconds(200)

    let kinesis: KinesisService
    let firehose: FirehoseService

    func deliver(_ records: [[UInt8]], to destination: OutputDestinationTarget) async throws {
        var remaining = records[...]
        while !remaining.isEmpty {
            switch destination {
            case .kinesisStream(let name):
                let batch = Array(remaining.prefix(500))
                let failed = try await putRecords(batch, stream: name)
                remaining = remaining.dropFirst(batch.count - failed.count)
                if !failed.isEmpty {
                    remaining = (failed + remaining)[...]
                    try await Task.sleep(for: Self.retryDelay)
                }
            case .deliveryStream(let name):
                let batch = Array(remaining.prefix(500))
                let failed = try await putRecordBatch(batch, stream: name)
                remaining = remaining.dropFirst(batch.count - failed.count)
                if !failed.isEmpty {
                    remaining = (failed + remaining)[...]
                    try await Task.sleep(for: Self.retryDelay)
                }
            }
        }
    }

    /// The records PutRecords did not accept, in order.
    private func putRecords(_ batch: [[UInt8]], stream: String) async throws -> [[UInt8]] {
        let entries = batch.map { data -> Document in
            .object(["Data": .blob(data), "PartitionKey": .string(Self.partitionKey(for: data))])
        }
        let answer = try await retryingThrottles {
            try await kinesis.handle(operation: "PutRecords",
                                     request: .object(["StreamName": .string(stream), "Records": .array(entries)]))
        }
        return failures(answer, entries: "Records", batch: batch)
    }

    private func putRecordBatch(_ batch: [[UInt8]], stream: String) async throws -> [[UInt8]] {
        let entries = batch.map { Document.object(["Data": .blob($0)]) }
        let answer = try await retryingThrottles {
            try await firehose.handle(operation: "PutRecordBatch",
                                      request: .object(["DeliveryStreamName": .string(stream),
                                                        "Records": .array(entries)]))
        }
        return failures(answer, entries: "RequestResponses", batch: batch)
    }

    private func failures(_ answer: Document, entries key: String, batch: [[UInt8]]) -> [[UInt8]] {
        guard case .array(let results)? = answer[key] else { return [] }
        return zip(results, batch).compactMap { result, data in result["ErrorCode"] == nil ? nil : data }
    }

    /// Calls `body` until it is not refused for throughput.
    private func retryingThrottles(_ body: () async throws -> Document) async throws -> Document {
        while true {
            do {
                return try await body()
            } catch {
                let code = (error as? ServiceError)?.code ?? (error as? any ServiceErrorConvertible)?.serviceError.code
                guard let code, code.contains("Throughput") || code == "LimitExceededException"
                    || code == "ServiceUnavailableException" else { throw error }
                try await Task.sleep(for: Self.retryDelay)
            }
        }
    }

    /// A partition key spreading records over shards the way a producer with random keys would, but repeatable.
    static func partitionKey(for data: [UInt8]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in data { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(hash, radix: 16)
    }
}
