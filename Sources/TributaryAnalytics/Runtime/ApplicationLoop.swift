import Logging
import TributaryFirehose
import TributarySQL
import TributaryStreams

/// One running application: compiles its code, loads its reference tables, builds its operators, then repeats
/// read → preprocess (when the input has a Lambda preprocessor) → map → compute → deliver → checkpoint until
/// cancelled. Reading waits for delivery, so a slow output slows
/// the reads instead of growing a queue.
struct ApplicationLoop: Sendable {
    static let idleDelay = Duration.milliseconds(200)

    let plan: RunPlan
    let kinesis: KinesisService
    let delivery: OutputDelivery
    let objects: ObjectReader
    let checkpoints: CheckpointStore
    let logger: Logger

    let firehose: FirehoseService
    /// Every in-application stream's tap, subscribed to the stream in each run (GetInApplicationStreamRecords).
    let taps: [String: InAppStreamTap]

    /// Runs from `start` (the input's starting checkpoint) until `stop` is requested (after finishing the round in
    /// hand, so what was read is delivered and checkpointed) or the task is cancelled (server shutdown).
    func run(from start: InputCheckpoint?, stop: StopSignal) async throws {
        let compiled: CompiledApplication
        do { compiled = try plan.compile() } catch { throw AnalyticsError.codeValidation(error.description) }
        let graph = ApplicationGraph(application: compiled, tables: try await loadTables())
        for (name, tap) in taps { _ = graph.subscribe(tap, to: name) }
        var writers: [OutputWriter] = []
        for output in plan.outputs {
            guard let columns = compiled.streams[output.streamName] else {
                logger.warning("application output names no in-application stream",
                               metadata: ["application": "\(plan.name)", "stream": "\(output.streamName)"])
                continue
            }
            let writer = OutputWriter(destination: output.destination, formatter: RecordFormatter(
                format: output.format, columns: columns.map { ($0.name, $0.type) }))
            _ = graph.subscribe(writer, to: output.streamName)
            writers.append(writer)
        }
        guard let input = plan.input, let start else {
            // No streaming input: nothing will ever arrive; stay running until stopped.
            while !stop.isRequested && !Task.isCancelled { try await Task.sleep(for: Self.idleDelay) }
            return
        }
        let mapper = try RecordMapper(schema: input.schema)
        let reader: any InputReader
        switch input.source {
        case .kinesisStream:
            reader = KinesisInputReader(kinesis: kinesis, parallelism: input.streamNames.count, checkpoint: start)
        case .deliveryStream:
            reader = FirehoseInputReader(firehose: firehose, consumer: Self.holdName(plan, input: input.id),
                                         checkpoint: start)
        }
        let preprocessor = input.processingARN.map {
            InputPreprocessor(functionARN: $0, applicationARN: plan.arn, streamARN: input.source.arn,
                              firehose: firehose, logger: logger)
        }
        var saved = start
        while !stop.isRequested && !Task.isCancelled {
            let (read, moved) = try reader.next()
            var records = read
            if let preprocessor, !records.isEmpty {
                let outcome = try await preprocessor.run(records)
                for (record, message) in outcome.failures {
                    graph.reportError(name: InputPreprocessor.errorName, message: message, rowTime: record.arrivalMs,
                                      data: HexText.encode(record.data), pump: nil)
                }
                records = outcome.records
            }
            for record in records {
                let arrival = SQLValue.timestamp(milliseconds: record.arrivalMs)
                for mapped in mapper.rows(from: record.data) {
                    switch mapped {
                    case .row(let values):
                        graph.push([arrival, arrival] + values, into: input.streamNames[record.streamIndex])
                    case .error(let message, let data):
                        graph.reportError(name: "Error_Parsing", message: message, rowTime: record.arrivalMs,
                                          data: data, pump: nil)
                    }
                }
            }
            if reader.watermark > .min { graph.advance(inputs: input.streamNames, to: reader.watermark) }
            for writer in writers where !writer.pending.isEmpty {
                try await delivery.deliver(writer.take(), to: writer.destination)
            }
            if reader.checkpoint != saved {
                try checkpoints.save(ApplicationCheckpoint(applicationName: plan.name, incarnation: plan.incarnation,
                                                           inputs: [input.id: reader.checkpoint]))
                saved = reader.checkpoint
                try reader.committed()
            }
            if !moved { try await Task.sleep(for: Self.idleDelay) }
        }
    }

    /// The name under which an application input holds a delivery stream's buffer.
    static func holdName(_ plan: RunPlan, input: String) -> String {
        "analytics/\(plan.name)/\(plan.incarnation)/\(input)"
    }

    /// Every reference table's rows, read from its object and mapped through its schema.
    private func loadTables() async throws -> [String: [[SQLValue]]] {
        var tables: [String: [[SQLValue]]] = [:]
        for reference in plan.references {
            let bytes = try await objects.read(bucketARN: reference.bucketARN, fileKey: reference.fileKey)
            let mapper = try RecordMapper(schema: reference.schema)
            tables[reference.tableName] = mapper.rows(from: bytes).compactMap { mapped in
                if case .row(let values) = mapped { return values }
                return nil
            }
        }
        return tables
    }
}
