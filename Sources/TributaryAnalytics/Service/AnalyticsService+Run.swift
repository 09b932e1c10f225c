/// The long-running part of the control plane: resumes the applications that were RUNNING when the server stopped,
/// then finishes each transient status once its `stateDelayMs` has passed (STARTING → RUNNING, UPDATING → RUNNING,
/// STOPPING → READY, DELETING → gone) through the runner, until the task is cancelled.
extension AnalyticsService {
    /// How often due transitions are looked for.
    static let reconcileIntervalMs = 100

    public func run() async {
        await resumeRunningApplications()
        while !Task.isCancelled {
            await advanceTransitions(nowMs: AnalyticsClock.nowMs())
            try? await Task.sleep(for: .milliseconds(Self.reconcileIntervalMs))
        }
    }

    /// Applications persisted as RUNNING start again from where they stopped; one that cannot becomes READY.
    func resumeRunningApplications() async {
        for application in catalog.allApplications() where application.status == .running {
            await startRunner(application, positions: Self.lastStoppedPoints(application), settling: .running)
        }
    }

    /// Finishes every transition that is due.
    func advanceTransitions(nowMs: Int64) async {
        for application in catalog.allApplications() {
            guard let deadline = application.statusDeadlineMs, deadline <= nowMs else { continue }
            switch application.status {
            case .starting:
                // The StartApplication choice; an application that was STARTING when the server stopped had not
                // started reading yet, so its choice still holds.
                var positions: [String: InputStartingPosition] = [:]
                for input in application.inputs { positions[input.id] = input.startingPosition ?? .now }
                await startRunner(application, positions: positions, settling: .starting)
            case .updating:
                await stopRunner(application)
                await startRunner(application, positions: Self.lastStoppedPoints(application), settling: .updating)
            case .stopping:
                await stopRunner(application)
                settle(application, from: .stopping, to: .ready)
            case .deleting:
                await stopRunner(application)
                await runner.delete(applicationName: application.name)
                do {
                    try catalog.remove(application.name, incarnation: application.incarnation)
                } catch {
                    logger.error("application deletion failed",
                                 metadata: ["application": "\(application.name)", "error": "\(error)"])
                }
            case .ready, .running:
                break
            }
        }
    }

    static func lastStoppedPoints(_ application: ApplicationDescriptor) -> [String: InputStartingPosition] {
        var positions: [String: InputStartingPosition] = [:]
        for input in application.inputs { positions[input.id] = .lastStoppedPoint }
        return positions
    }

    /// Starts the application's pumps; RUNNING when they started, READY (with the reason logged) when not.
    private func startRunner(_ application: ApplicationDescriptor, positions: [String: InputStartingPosition],
                             settling status: ApplicationDescriptor.Status) async {
        do {
            try await runner.start(application, startingPositions: positions)
            started.insert(application)
            settle(application, from: status, to: .running)
        } catch {
            logger.error("application could not start",
                         metadata: ["application": "\(application.name)", "error": "\(error)"])
            settle(application, from: status, to: .ready)
        }
    }

    private func stopRunner(_ application: ApplicationDescriptor) async {
        if started.remove(application) { await runner.stop(applicationName: application.name) }
    }

    /// Moves the application on, unless it was deleted, re-created or moved by a client meanwhile.
    private func settle(_ application: ApplicationDescriptor, from: ApplicationDescriptor.Status,
                        to: ApplicationDescriptor.Status) {
        do {
            try catalog.update(application.name) { current in
                guard current.incarnation == application.incarnation, current.status == from else { return }
                current.status = to
                current.statusDeadlineMs = nil
            }
        } catch {
            logger.error("application transition failed",
                         metadata: ["application": "\(application.name)", "error": "\(error)"])
        }
    }
}
