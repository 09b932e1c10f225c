import TributarySQL

/// Where an operator sends what it produces: rows, and the progress of ROWTIME.
///
/// Operators of one application run on one task, so sinks are plain classes without locks. Rows arrive in ROWTIME
/// order; `advance(to:)` promises that no row with an earlier ROWTIME will follow, which is what closes windows.
protocol RowSink: AnyObject {
    func push(_ row: [SQLValue])
    func advance(to rowTime: Int64)
}

/// Reports a row that failed to compute to the application's `error_stream`.
struct ErrorReporter {
    let pumpName: String
    let report: (_ message: String, _ rowTime: Int64?, _ data: String?, _ pumpName: String) -> Void

    func callAsFunction(_ error: any Error, row: [SQLValue]?) {
        let message = (error as? SQLEvaluationError)?.message ?? "\(error)"
        var rowTime: Int64?
        if case .timestamp(let ms)? = row?.first { rowTime = ms }
        // DATA_ROW is hex, like a record that failed to map: here the row's values as comma-separated text.
        let data = row.map { values in
            HexText.encode(Array(values.dropFirst().map { $0.text ?? "null" }.joined(separator: ",").utf8))
        }
        report(message, rowTime, data, pumpName)
    }
}

extension Array where Element == SQLValue {
    /// The ROWTIME of a stream row (index 0).
    var rowTime: Int64 {
        if case .timestamp(let ms) = self[0] { return ms }
        return 0
    }
}
