import Logging
import Synchronization
import TributaryFirehose
import TributaryLog
import TributaryStreams

/// Runs applications for the control plane: compiles code to validate it, and starts and stops one
/// `ApplicationLoop` task per running application, resolving where each input starts (NOW, TRIM_HORIZON or
/// LAST_STOPPED_POINT from the saved checkpoint). A loop that fails (its source deleted, an output refusing) is
/// started again from its last checkpoint after a pause, as AWS keeps an application running through errors.
public final class ApplicationRuntime: ApplicationRunner {
    static let restartDelay = Duration.seconds(1)

    private struct Running {
        var task: Task<Void, Never>
        var stop: StopSignal
    }

    let kinesis: KinesisService
    let firehose: FirehoseService
    let objects: ObjectReader
    let checkpoints: CheckpointStore
    let logger: Logger
    private let running = Mutex<[String: Running]>([:])
    private let taps = InAppStreamTaps()

    public init(kinesis: KinesisService, firehose: FirehoseService, metadata: any MetadataStore,
                objects: ObjectReader, logger: Logger) throws {
        self.kinesis = kinesis
        self.firehose = firehose
        self.objects = objects
        self.checkpoints = try CheckpointStore(metadata: metadata)
        self.logger = logger
    }

    public func validate(_ application: ApplicationDescriptor) throws {
        do {
            _ = try RunPlan(application).compile()
        } catch let error as CodeValidationError {
            throw AnalyticsError.codeValidation(error.description)
        }
    }

    public func start(_ application: ApplicationDescriptor,
                      startingPositions: [String: InputStartingPosition]) async throws {
        try RunPlan.requireRunnable(application)
        let plan = try RunPlan(application)
        let compiled: CompiledApplication
        do { compiled = try plan.compile() } catch { throw AnalyticsError.codeValidation(error.description) }
        await stop(applicationName: plan.name)
        var start: InputCheckpoint?
        if let input = plan.input {
            let choice = startingPositions[input.id] ?? application.input(id: input.id)?.startingPosition ?? .now
            start = try startingCheckpoint(plan, input: input, choice)
            try checkpoints.save(ApplicationCheckpoint(applicationName: plan.name, incarnation: plan.incarnation,
                                                       inputs: [input.id: start!]))
            if case .deliveryStream = input.source, let start {
                try firehose.holdIncoming(consumer: ApplicationLoop.holdName(plan, input: input.id),
                                          deliveryStream: start.streamName, incarnation: start.streamIncarnation,
                                          at: start.positions[FirehoseInputReader.positionKey] ?? 0)
            }
        }
        let stop = StopSignal()
        let loop = ApplicationLoop(plan: plan, kinesis: kinesis,
                                   delivery: OutputDelivery(kinesis: kinesis, firehose: firehose), objects: objects,
                                   checkpoints: checkpoints, logger: logger, firehose: firehose,
                                   taps: taps.attach(application: plan.name, streams: compiled.streams))
        let checkpoints = self.checkpoints, logger = self.logger
        let task = Task {
            var from = start
            while !stop.isRequested && !Task.isCancelled {
                do {
                    try await loop.run(from: from, stop: stop)
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("application failed; restarting from its last checkpoint",
                                 metadata: ["application": "\(plan.name)", "error": "\(error)"])
                    try? await Task.sleep(for: Self.restartDelay)
                    if let input = plan.input {
                        from = checkpoints.load(application: plan.name, incarnation: plan.incarnation,
                                                input: input.id) ?? from
                    }
                }
            }
        }
        running.withLock { $0[plan.name] = Running(task: task, stop: stop) }
    }

    public func stop(applicationName: String) async {
        guard let current = running.withLock({ $0.removeValue(forKey: applicationName) }) else { return }
        current.stop.request()
        await current.task.value
    }

    public func delete(applicationName: String) async {
        await stop(applicationName: applicationName)
        taps.remove(application: applicationName)
        if let saved = checkpoints.catalog.entry(applicationName) {
            for input in saved.inputs.keys {
                try? firehose.releaseIncoming(consumer: "analytics/\(applicationName)/\(saved.incarnation)/\(input)")
            }
        }
        do { try checkpoints.delete(application: applicationName) } catch {
            logger.warning("could not delete checkpoints", metadata: ["application": "\(applicationName)",
                                                                      "error": "\(error)"])
        }
    }

    public func inAppStreamTap(applicationName: String, streamName: String) -> InAppStreamTap? {
        taps.tap(application: applicationName, stream: streamName)
    }

    /// Stops every application (server shutdown), each after its current round.
    public func stopAll() async {
        let names = running.withLock { Array($0.keys) }
        for name in names { await stop(applicationName: name) }
    }

    private func startingCheckpoint(_ plan: RunPlan, input: RunPlan.Input, _ choice: InputStartingPosition) throws
        -> InputCheckpoint {
        if choice == .lastStoppedPoint,
           let saved = checkpoints.load(application: plan.name, incarnation: plan.incarnation, input: input.id) {
            return saved
        }
        do {
            switch input.source {
            case .kinesisStream(let arn):
                return try KinesisInputReader.start(kinesis: kinesis, streamARN: arn,
                                                    at: choice == .trimHorizon ? .trimHorizon : .latest)
            case .deliveryStream(let arn):
                return try FirehoseInputReader.start(firehose: firehose, deliveryStreamARN: arn,
                                                     latest: choice != .trimHorizon)
            }
        } catch {
            throw AnalyticsError.invalidApplicationConfiguration(
                "Unable to read the streaming source \(input.source.arn) of input \(input.id): \(error)")
        }
    }
}

extension RunPlan.Source {
    var arn: String {
        switch self {
        case .kinesisStream(let arn), .deliveryStream(let arn): arn
        }
    }
}
