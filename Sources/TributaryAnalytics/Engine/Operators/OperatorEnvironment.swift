import Foundation
import TributarySQL

/// What every operator of a pump shares: the wall clock (LOCALTIMESTAMP) and where failing rows go.
struct OperatorEnvironment {
    var reportError: ErrorReporter
    var nowMs: () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    func context(for row: [SQLValue]) -> EvaluationContext {
        EvaluationContext(rowTimeMs: row.rowTime, nowMs: nowMs())
    }
}
