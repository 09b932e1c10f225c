/// The words that cannot be unquoted identifiers in this dialect.
///
/// Kinesis Data Analytics reserves the SQL:2008 list; this set keeps the reserved words that carry grammar here
/// (clause and operator keywords, literal prefixes, niladic functions) so that a misplaced keyword is reported where
/// it is written. Function names such as `AVG` or `FLOOR`, time units and column names that the reference's
/// examples use unquoted (`ROWTIME`, `APPROXIMATE_ARRIVAL_TIME`, `sector`, `price`, `change`) stay usable.
enum SQLReservedWords {
    static let all: Set<String> = [
        "ALL", "AND", "ANY", "AS", "BETWEEN", "BOTH", "BY", "CASE", "CAST", "CREATE", "CROSS",
        "CURRENT", "CURRENT_DATE", "CURRENT_ROW_TIMESTAMP", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATE",
        "DISTINCT", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FROM",
        "FULL", "GROUP", "HAVING", "IN", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN",
        "LEADING", "LEFT", "LIKE", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NULL", "ON", "OR", "ORDER",
        "OUTER", "OVER", "PARTITION", "RANGE", "RIGHT", "ROWS", "SELECT", "SIMILAR", "STREAM",
        "THEN", "TIME", "TIMESTAMP", "TO", "TRAILING", "TRUE", "UNION", "UNKNOWN", "USING",
        "VALUES", "WHEN", "WHERE", "WINDOW", "WITH",
    ]

    static func contains(_ word: String) -> Bool { all.contains(word) }
}
