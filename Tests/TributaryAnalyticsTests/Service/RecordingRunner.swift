import Synchronization
@testable import TributaryAnalytics

/// A test double for the runtime: records every call, refuses code containing `refuseCodeMarker`, and fails
/// starts while `failsStart` is set.
final class RecordingRunner: ApplicationRunner {
    static let refuseCodeMarker = "NOT SQL"

    enum Call: Equatable {
        case validate(String)
        case start(String, [String: InputStartingPosition])
        case stop(String)
        case delete(String)
    }

    private let state = Mutex<(calls: [Call], failsStart: Bool)>(([], false))

    var calls: [Call] { state.withLock { $0.calls } }

    func failStarts(_ fails: Bool) { state.withLock { $0.failsStart = fails } }

    func validate(_ application: ApplicationDescriptor) throws {
        state.withLock { $0.calls.append(.validate(application.name)) }
        if application.code?.contains(Self.refuseCodeMarker) == true {
            throw AnalyticsError.codeValidation("Encountered \"NOT\" at line 1, column 1.")
        }
    }

    func start(_ application: ApplicationDescriptor, startingPositions: [String: InputStartingPosition]) async throws {
        let fails = state.withLock { state in
            state.calls.append(.start(application.name, startingPositions))
            return state.failsStart
        }
        if fails { throw AnalyticsError.invalidApplicationConfiguration("the test runner refuses to start") }
    }

    func stop(applicationName: String) async {
        state.withLock { $0.calls.append(.stop(applicationName)) }
    }

    func delete(applicationName: String) async {
        state.withLock { $0.calls.append(.delete(applicationName)) }
    }
}
