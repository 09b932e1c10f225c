import Foundation
import Logging
import TributaryFirehose
import TributaryWire

/// Runs an input's Lambda preprocessor (`InputProcessingConfiguration.InputLambdaProcessor`) over the records the
/// reader released, before they are mapped through the InputSchema. It exists because no Lambda runs here: the
/// function is reached through the server's transform endpoint (`--transform-url` / `--transform-command`, the
/// stand-in Firehose's Lambda processors use), with AWS's preprocessing event and response.
///
/// Event: {invocationId, applicationArn, streamArn, records: [{recordId, data (base64),
/// kinesisStreamRecordMetadata {shardId, partitionKey, sequenceNumber, approximateArrivalTimestamp} (data stream
/// source) or kinesisFirehoseRecordMetadata {approximateArrivalTimestamp} (delivery stream source)}]}, times in
/// epoch milliseconds; a data stream record's recordId is its sequence number, a delivery stream record's a UUID.
/// Response: {records: [{recordId, result: Ok | Dropped | ProcessingFailed, data (base64, needed for Ok)}]}.
///
/// Ok records continue with the new data (which may hold several JSON documents or CSV rows), keeping their arrival
/// time and input stream; Dropped ones vanish. A ProcessingFailed record becomes an `error_stream` row with
/// ERROR_NAME `Lambda_Preprocessing_Error`. A failed invocation (endpoint error, or a response AWS would reject: not
/// JSON, a record missing, an unknown recordId or result, Ok without base64 data) is retried `retries` times with a
/// growing pause; AWS retries it until it succeeds, which stalls the application, so here its records then become
/// `Lambda_Preprocessing_Error` rows instead and the application reads on.
struct InputPreprocessor: Sendable {
    static let errorName = "Lambda_Preprocessing_Error"
    static let retries = 3
    static let retryPause = Duration.milliseconds(300)
    /// Source data per invocation: well under Lambda's 6 MB event once base64-encoded.
    static let eventDataBytesMax = 1 << 20

    let functionARN: String
    let applicationARN: String
    let streamARN: String
    let firehose: FirehoseService
    let logger: Logger

    /// What preprocessing made of a batch: the records to map, in order, and those that go to `error_stream`.
    struct Outcome {
        var records: [SourceRecord] = []
        var failures: [(record: SourceRecord, message: String)] = []
    }

    /// One record of the function's response.
    private struct Answer {
        var result: String
        var data: [UInt8]
    }

    /// Why an invocation's answer cannot be used (retried like an endpoint failure).
    private struct Rejected: Error, CustomStringConvertible { let description: String }

    func run(_ records: [SourceRecord]) async throws -> Outcome {
        var outcome = Outcome()
        for chunk in chunks(records) {
            let ids = recordIds(chunk)
            switch try await invoke(chunk, ids: ids) {
            case .failure(let error):
                logger.warning("input preprocessing failed; its records go to error_stream",
                               metadata: ["function": "\(functionARN)", "records": "\(chunk.count)",
                                          "error": "\(error)"])
                let message = "Lambda function \(functionARN) could not preprocess the record after "
                    + "\(Self.retries + 1) attempts: \(error)"
                outcome.failures += chunk.map { ($0, message) }
            case .success(let answers):
                for (record, id) in zip(chunk, ids) {
                    guard let answer = answers[id] else { continue }
                    switch answer.result {
                    case "Ok":
                        var changed = record
                        changed.data = answer.data
                        outcome.records.append(changed)
                    case "Dropped":
                        continue
                    default:
                        outcome.failures.append(
                            (record, "Lambda function \(functionARN) returned ProcessingFailed for the record."))
                    }
                }
            }
        }
        return outcome
    }

    private func chunks(_ records: [SourceRecord]) -> [[SourceRecord]] {
        var chunks: [[SourceRecord]] = []
        var current: [SourceRecord] = []
        var bytes = 0
        for record in records {
            if !current.isEmpty, bytes + record.data.count > Self.eventDataBytesMax {
                chunks.append(current)
                current = []
                bytes = 0
            }
            current.append(record)
            bytes += record.data.count
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// Sequence numbers for data stream records (as AWS does), UUIDs otherwise or should two coincide.
    private func recordIds(_ chunk: [SourceRecord]) -> [String] {
        let sequenceNumbers = chunk.compactMap { $0.kinesis?.sequenceNumber }
        if sequenceNumbers.count == chunk.count, Set(sequenceNumbers).count == chunk.count { return sequenceNumbers }
        return chunk.map { _ in UUID().uuidString.lowercased() }
    }

    private func invoke(_ chunk: [SourceRecord], ids: [String]) async throws -> Result<[String: Answer], Rejected> {
        let event = JSONDocumentEncoder.encode(eventDocument(chunk, ids: ids))
        var lastError = Rejected(description: "The function was not invoked.")
        for attempt in 0...Self.retries {
            if attempt > 0 { try await Task.sleep(for: Self.retryPause * attempt) }
            do {
                let body = try await firehose.invokeFunction(arn: functionARN, event: event)
                return .success(try parse(body, expected: Set(ids)))
            } catch let error as Rejected {
                lastError = error
            } catch {
                try Task.checkCancellation()
                lastError = Rejected(description: "\(error)")
            }
        }
        return .failure(lastError)
    }

    private func eventDocument(_ chunk: [SourceRecord], ids: [String]) -> Document {
        .object([
            "invocationId": .string(UUID().uuidString.lowercased()),
            "applicationArn": .string(applicationARN),
            "streamArn": .string(streamARN),
            "records": .array(zip(chunk, ids).map { record, id in
                var members: [String: Document] = ["recordId": .string(id), "data": .string(Base64.encode(record.data))]
                if let origin = record.kinesis {
                    members["kinesisStreamRecordMetadata"] = .object([
                        "shardId": .string(origin.shardId),
                        "partitionKey": .string(origin.partitionKey),
                        "sequenceNumber": .string(origin.sequenceNumber),
                        "approximateArrivalTimestamp": .integer(record.arrivalMs),
                    ])
                } else {
                    members["kinesisFirehoseRecordMetadata"] = .object([
                        "approximateArrivalTimestamp": .integer(record.arrivalMs),
                    ])
                }
                return .object(members)
            }),
        ])
    }

    /// The answers by recordId; every record sent must be answered, and nothing else.
    private func parse(_ body: [UInt8], expected: Set<String>) throws -> [String: Answer] {
        guard let document = try? JSONDocumentDecoder.decode(body), let records = try? document.array("records") else {
            throw Rejected(description: "The function's response is not JSON with a records array.")
        }
        var answers: [String: Answer] = [:]
        for record in records {
            guard let id = try? record.string("recordId"), let result = try? record.string("result") else {
                throw Rejected(description: "A record of the function's response lacks recordId or result.")
            }
            guard expected.contains(id) else {
                throw Rejected(description: "The function's response has a record \(id) that was not sent.")
            }
            guard ["Ok", "Dropped", "ProcessingFailed"].contains(result) else {
                throw Rejected(description: "The function's response has an invalid result \(result) for record \(id).")
            }
            var data: [UInt8] = []
            if result == "Ok" {
                guard let text = try? record.string("data"), let decoded = Base64.decode(text) else {
                    throw Rejected(description: "The function's response data of record \(id) is not base64.")
                }
                data = decoded
            }
            answers[id] = Answer(result: result, data: data)
        }
        if answers.count < expected.count {
            throw Rejected(
                description: "The function's response lacks \(expected.count - answers.count) of the records sent.")
        }
        return answers
    }
}
