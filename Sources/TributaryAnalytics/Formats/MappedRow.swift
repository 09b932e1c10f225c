import TributarySQL

/// One result of mapping a source record: a row of typed column values, or a row that failed to map and goes to
/// `error_stream` instead.
public enum MappedRow: Equatable, Sendable {
    /// Values in the order of the schema's columns, each already of its column's type.
    case row([SQLValue])
    /// `message` is error_stream's MESSAGE; `data` is its DATA_ROW, the original row's bytes hex-encoded
    /// (lower-case digits; for JSON the whole record, for CSV the one delimited row).
    case error(message: String, data: String)
}
