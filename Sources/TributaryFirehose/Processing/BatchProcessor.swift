import TributaryStreams

/// Runs a destination's processors over one batch: what comes out goes to the destination, what fails goes to the
/// error output (`processing-failed`), what a Lambda drops disappears.
///
/// Stateless apart from the Lambda invoker; every failure caused by a record's content becomes a `FailedRecord`,
/// never an error of the whole batch.
struct BatchProcessor: Sendable {
    let processors: [ProcessorSettings]
    let lambda: LambdaInvoker?
    let deliveryStreamARN: String
    let sourceStreamARN: String?
    let region: String

    struct Outcome: Sendable {
        var records: [ProcessedRecord]
        var failures: [FailedRecord]
    }

    func process(_ batch: [BufferedRecord]) async -> Outcome {
        var outcome = Outcome(
            records: batch.map { ProcessedRecord(recordId: String($0.offset), data: $0.data, arrivalMs: $0.arrivalMs,
                                                 source: $0.source) },
            failures: [])
        // Records read from a data stream are KPL-de-aggregated first, as Firehose does for that source; plain
        // records pass unchanged.
        if batch.contains(where: { $0.source != nil }) {
            outcome = map(outcome, code: "RecordDeAggregation.Failed") { record in
                guard let source = record.source, KPLDeaggregator.isAggregated(record.data) else { return [record.data] }
                return try KPLDeaggregator.deaggregate(data: record.data, partitionKey: source.partitionKey).map(\.data)
            }
        }
        for processor in processors {
            switch processor {
            case .decompression:
                outcome = map(outcome, code: "Decompression.Failed") { record in
                    [try GzipCodec.decompress(record.data, maxBytes: FirehoseLimits.recordDecompressedBytesMax)]
                }
            case .cloudWatchLogProcessing(let extract):
                outcome = map(outcome, code: "CloudWatchLogProcessing.Failed") { record in
                    try CloudWatchLogsExtraction.messages(of: record.data, extract: extract)
                }
            case .deaggregation(let type):
                outcome = map(outcome, code: "RecordDeAggregation.Failed") { record in
                    try Deaggregation.split(record.data, type: type, partitionKey: record.source?.partitionKey ?? "")
                }
            case .lambda(let arn, let retries):
                outcome = await LambdaStep(invoker: lambda, arn: arn, retries: retries,
                                           deliveryStreamARN: deliveryStreamARN, sourceStreamARN: sourceStreamARN,
                                           region: region).run(outcome)
            case .metadataExtraction(let program):
                var kept: [ProcessedRecord] = []
                for var record in outcome.records {
                    do {
                        record.partitionKeysFromQuery = try MetadataExtraction.keys(program, data: record.data)
                        kept.append(record)
                    } catch {
                        outcome.failures.append(FailedRecord(
                            rawData: record.data, arrivalMs: record.arrivalMs,
                            errorCode: "DynamicPartitioning.MetadataExtractionFailed",
                            errorMessage: "\(error)", attemptsMade: 1))
                    }
                }
                outcome.records = kept
            case .appendDelimiter(let delimiter):
                for index in outcome.records.indices { outcome.records[index].data += delimiter }
            }
        }
        return outcome
    }

    /// Replaces each record by the records `transform` makes of it; a throw sends the record to the failures.
    private func map(_ outcome: Outcome, code: String,
                     _ transform: (ProcessedRecord) throws -> [[UInt8]]) -> Outcome {
        var result = Outcome(records: [], failures: outcome.failures)
        for record in outcome.records {
            do {
                let pieces = try transform(record)
                for (index, piece) in pieces.enumerated() {
                    var copy = record
                    copy.data = piece
                    if pieces.count > 1 { copy.recordId = "\(record.recordId).\(index)" }
                    result.records.append(copy)
                }
            } catch {
                result.failures.append(FailedRecord(rawData: record.data, arrivalMs: record.arrivalMs, errorCode: code,
                                                    errorMessage: "\(error)", attemptsMade: 1))
            }
        }
        return result
    }
}
