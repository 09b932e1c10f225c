import Foundation
import TributaryWire

/// The Lambda processor: records go to the function in Lambda's Firehose event, and come back Ok (with new data and
/// optional partition keys), Dropped or ProcessingFailed, matched by recordId.
///
/// Event: {invocationId, deliveryStreamArn, region, [sourceKinesisStreamArn], records: [{recordId,
/// approximateArrivalTimestamp, data (base64), [kinesisRecordMetadata]}]}. Response: {records: [{recordId, result,
/// data, metadata: {partitionKeys}}]}. A call that fails is retried NumberOfRetries times; then its records fail
/// with Lambda.FunctionError. A record the response leaves out fails with Lambda.MissingRecordId.
struct LambdaStep: Sendable {
    let invoker: LambdaInvoker?
    let arn: String
    let retries: Int
    let deliveryStreamARN: String
    let sourceStreamARN: String?
    let region: String

    /// Data per invocation: AWS's default processor buffer (1 MiB) keeps events well under Lambda's 6 MB.
    static let eventDataBytesMax = 1 << 20

    func run(_ outcome: BatchProcessor.Outcome) async -> BatchProcessor.Outcome {
        var result = BatchProcessor.Outcome(records: [], failures: outcome.failures)
        for chunk in chunks(outcome.records) {
            let answered = await invoke(chunk)
            switch answered {
            case .failure(let error):
                result.failures += chunk.map { failure($0, code: "Lambda.FunctionError", message: error.description,
                                                       attempts: retries + 1) }
            case .success(let responses):
                for record in chunk {
                    guard let response = responses[record.recordId] else {
                        result.failures.append(failure(record, code: "Lambda.MissingRecordId",
                                                       message: "One or more record Ids were not returned.", attempts: 1))
                        continue
                    }
                    switch response.result {
                    case "Ok":
                        var changed = record
                        changed.data = response.data
                        changed.partitionKeysFromLambda = response.partitionKeys
                        result.records.append(changed)
                    case "Dropped":
                        continue
                    default:
                        result.failures.append(failure(record, code: "Lambda.ProcessingFailed",
                                                       message: "The Lambda function returned ProcessingFailed for the record.",
                                                       attempts: 1))
                    }
                }
            }
        }
        return result
    }

    private func chunks(_ records: [ProcessedRecord]) -> [[ProcessedRecord]] {
        var chunks: [[ProcessedRecord]] = []
        var current: [ProcessedRecord] = []
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

    struct Response { var result: String; var data: [UInt8]; var partitionKeys: [String: String] }
    struct Failure: Error, CustomStringConvertible { let description: String }

    private func invoke(_ chunk: [ProcessedRecord]) async -> Result<[String: Response], Failure> {
        guard let invoker else {
            return .failure(Failure(description: "No transform endpoint is configured for Lambda \(arn) (see --transform-url / --transform-command)."))
        }
        let event = JSONDocumentEncoder.encode(eventDocument(chunk))
        var lastError = Failure(description: "The Lambda function was not invoked.")
        for attempt in 0...retries {
            if attempt > 0 { try? await Task.sleep(for: .milliseconds(200 * attempt)) }
            do {
                let body = try await invoker.invoke(functionARN: arn, event: event)
                return .success(try parse(body))
            } catch let error as Failure {
                lastError = error
            } catch {
                lastError = Failure(description: "\(error)")
            }
        }
        return .failure(lastError)
    }

    private func eventDocument(_ chunk: [ProcessedRecord]) -> Document {
        var event: [String: Document] = [
            "invocationId": .string(UUID().uuidString.lowercased()),
            "deliveryStreamArn": .string(deliveryStreamARN),
            "region": .string(region),
        ]
        event["sourceKinesisStreamArn"] = sourceStreamARN.map(Document.string)
        event["records"] = .array(chunk.map { record in
            var members: [String: Document] = [
                "recordId": .string(record.recordId),
                "approximateArrivalTimestamp": .integer(record.arrivalMs),
                "data": .string(Base64.encode(record.data)),
            ]
            if let source = record.source {
                members["kinesisRecordMetadata"] = .object([
                    "shardId": .string(source.shardId),
                    "partitionKey": .string(source.partitionKey),
                    "approximateArrivalTimestamp": .integer(source.arrivalMs),
                    "sequenceNumber": .string(source.sequenceNumber),
                    "subsequenceNumber": .string(""),
                ])
            }
            return .object(members)
        })
        return .object(event)
    }

    private func parse(_ body: [UInt8]) throws -> [String: Response] {
        guard let document = try? JSONDocumentDecoder.decode(body), let records = try? document.array("records") else {
            throw Failure(description: "The Lambda function response is not valid JSON with a records array.")
        }
        var responses: [String: Response] = [:]
        for record in records {
            guard let id = try? record.string("recordId"), let result = try? record.string("result") else {
                throw Failure(description: "A record of the Lambda response lacks recordId or result.")
            }
            guard ["Ok", "Dropped", "ProcessingFailed"].contains(result) else {
                throw Failure(description: "The Lambda response has an invalid result \(result) for record \(id).")
            }
            var data: [UInt8] = []
            if result == "Ok" {
                guard let text = try? record.string("data"), let decoded = Base64.decode(text) else {
                    throw Failure(description: "The Lambda response data of record \(id) is not base64.")
                }
                data = decoded
            }
            let keys = (try? record.object("metadata")?.stringMap("partitionKeys")) ?? [:]
            responses[id] = Response(result: result, data: data, partitionKeys: keys)
        }
        return responses
    }

    private func failure(_ record: ProcessedRecord, code: String, message: String, attempts: Int) -> FailedRecord {
        FailedRecord(rawData: record.data, arrivalMs: record.arrivalMs, errorCode: code, errorMessage: message,
                     attemptsMade: attempts, lambdaARN: arn)
    }
}
