import TributarySQL

/// How GetInApplicationStreamRecords' InAppStreamName names a stream: as the application's SQL would write it, so
/// `destination_sql_stream` is `DESTINATION_SQL_STREAM` and `"myStream"` is `myStream` (see `Identifier`).
///
/// The engine keeps `error_stream` (and streams created with quoted names) in their own case, which a client
/// naturally writes without quotes; so a name that does not fold to an existing stream is also tried as written.
enum InAppStreamNaming {
    /// The stored names `written` may stand for, in the order to try them.
    static func candidates(_ written: String) -> [String] {
        guard let expression = try? SQLParser.parseExpression(written),
              case .column(qualifier: .none, name: let identifier) = expression,
              identifier.name != written
        else { return [written] }
        return [identifier.name, written]
    }
}
