/// What an expression may read besides the row: the row's ROWTIME (CURRENT_ROW_TIMESTAMP) and the wall clock at
/// evaluation (LOCALTIMESTAMP, CURRENT_TIMESTAMP), both in milliseconds since the epoch, UTC.
public struct EvaluationContext: Sendable {
    public var rowTimeMs: Int64
    public var nowMs: Int64

    public init(rowTimeMs: Int64, nowMs: Int64) {
        self.rowTimeMs = rowTimeMs
        self.nowMs = nowMs
    }
}
