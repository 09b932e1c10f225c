import TributaryWire

/// StartApplication, StopApplication and DeleteApplication: each checks the state and moves the application to its
/// transient status; `run()` finishes the transition through the runner after `stateDelayMs`.
extension AnalyticsService {
    func startApplication(_ request: Document) async throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let application = try existingApplication(name)
        guard application.status == .ready else { throw wrongState(application, "started") }
        guard !application.inputs.isEmpty else {
            throw AnalyticsError.invalidApplicationConfiguration(
                "Application \(name) has no input configured; add an input before starting it.")
        }
        var positions: [String: InputStartingPosition] = [:]
        for configuration in try request.array("InputConfigurations") ?? [] {
            let id = try configuration.string("Id") ?? ""
            guard application.input(id: id) != nil else {
                throw AnalyticsError.invalidArgument("Input id \(id) is not found in application \(name).")
            }
            let position = try configuration.object("InputStartingPositionConfiguration")?
                .string("InputStartingPosition")
            positions[id] = position.flatMap(InputStartingPosition.init(rawValue:)) ?? .now
        }
        do {
            try validateCode(application)
        } catch let AnalyticsError.codeValidation(message) {
            throw AnalyticsError.invalidApplicationConfiguration(message)
        }
        for input in application.inputs { try await checkSource(input, .starting) }
        for output in application.outputs { try await checkDestination(output, .starting) }
        // What the runtime cannot run (a Lambda output) is refused here, not after the answer.
        try RunPlan.requireRunnable(application)
        let deadline = AnalyticsClock.nowMs() + Int64(configuration.stateDelayMs)
        let updated: Void? = try catalog.update(name) { current in
            guard current.incarnation == application.incarnation, current.status == .ready else {
                throw wrongState(current, "started")
            }
            for index in current.inputs.indices {
                current.inputs[index].startingPosition =
                    positions[current.inputs[index].id] ?? current.inputs[index].startingPosition ?? .now
            }
            current.status = .starting
            current.statusDeadlineMs = deadline
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    func stopApplication(_ request: Document) throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let deadline = AnalyticsClock.nowMs() + Int64(configuration.stateDelayMs)
        let updated: Void? = try catalog.update(name) { application in
            guard application.status == .running else { throw wrongState(application, "stopped") }
            application.status = .stopping
            application.statusDeadlineMs = deadline
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    /// Deletes the application whatever it is doing (AWS halts a running one first), provided CreateTimestamp names
    /// this creation of it.
    func deleteApplication(_ request: Document) throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let createTimestamp = try request.timestamp("CreateTimestamp") ?? 0
        let deadline = AnalyticsClock.nowMs() + Int64(configuration.stateDelayMs)
        let updated: Void? = try catalog.update(name) { application in
            guard application.status != .deleting else { throw wrongState(application, "deleted") }
            guard Self.sameInstant(createTimestamp, application.createdAt) else {
                throw AnalyticsError.invalidArgument(
                    "CreateTimestamp does not match the creation time of application \(name).")
            }
            application.status = .deleting
            application.statusDeadlineMs = deadline
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    /// Whether a client's CreateTimestamp (seconds, as precise as its SDK sends it) names `createdAtMs`: SDKs send
    /// whole seconds, or milliseconds.
    static func sameInstant(_ seconds: Double, _ createdAtMs: Int64) -> Bool {
        guard seconds.isFinite, seconds.magnitude < 9e12 else { return false }
        let givenMs = (seconds * 1000).rounded()
        return Int64(givenMs) == createdAtMs || Int64(seconds.rounded(.down)) == createdAtMs / 1000
    }

    /// ResourceInUseException for an operation the application's status does not allow.
    func wrongState(_ application: ApplicationDescriptor, _ verb: String) -> AnalyticsError {
        .resourceInUse(
            "Application \(application.name) is in \(application.status.rawValue) state and cannot be \(verb).")
    }
}
