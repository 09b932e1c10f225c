/// What an expression may read besides the row: the row's ROWTIME (CURRENT_ROW_TIMESTAMP) and the wall clock at
/// evaluation (LOCALTIMESTAMP, CURRENT_TIMESTAMP), both in milliseconds since the epoch, UTC.
package struct EvaluationContext: Sendable {
    package var rowTimeMs: Int64
    package var nowMs: Int64

    package init(rowTimeMs: Int64, nowMs: Int64) {
        self.rowTimeMs = rowTimeMs
        self.nowMs = nowMs
    }
}
