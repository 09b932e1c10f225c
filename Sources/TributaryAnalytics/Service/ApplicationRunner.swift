/// Where an application starts reading an input, as StartApplication's InputStartingPositionConfiguration names it.
public enum InputStartingPosition: String, Codable, Sendable {
    /// Just after the newest record of the source when the application starts.
    case now = "NOW"
    /// The oldest record the source still holds.
    case trimHorizon = "TRIM_HORIZON"
    /// Where the application last stopped reading (its checkpoint).
    case lastStoppedPoint = "LAST_STOPPED_POINT"
}

/// The runtime that compiles and runs applications, seen from the control plane.
///
/// It exists so `AnalyticsService` decides *when* an application is validated, started, stopped or forgotten,
/// while the SQL engine and its pumps live elsewhere (and tests can record the calls).
public protocol ApplicationRunner: Sendable {
    /// Compiles the application's code against its inputs (in-application stream names from NamePrefix +
    /// parallelism, columns from InputSchema) and reference tables; throws `AnalyticsError.codeValidation(message)`
    /// when it does not.
    func validate(_ application: ApplicationDescriptor) throws
    /// Starts the application's pumps; `startingPositions` is the StartApplication choice per input id (or
    /// `.lastStoppedPoint` on a restart of the server). Throws `AnalyticsError` (e.g. invalidApplicationConfiguration)
    /// when an input or output resource cannot be used.
    func start(_ application: ApplicationDescriptor, startingPositions: [String: InputStartingPosition]) async throws
    /// Stops it, saving its checkpoints so LAST_STOPPED_POINT resumes exactly there.
    func stop(applicationName: String) async
    /// Forgets its checkpoints (DeleteApplication).
    func delete(applicationName: String) async
    /// The tap of an in-application stream of a started application (`streamName` as the engine stores it), for
    /// GetInApplicationStreamRecords; nil when the application was not started or has no such stream.
    func inAppStreamTap(applicationName: String, streamName: String) -> InAppStreamTap?
}

extension ApplicationRunner {
    /// A runner that computes no rows (a test double) has no stream to show.
    public func inAppStreamTap(applicationName: String, streamName: String) -> InAppStreamTap? { nil }
}
