/// The in-application column name schema discovery suggests for a source field name.
///
/// As the developer guide's "Column Naming During Schema Discovery" describes, the source name is kept (case
/// included) unless it is a reserved SQL word, holds characters other than letters, digits and `_`, begins with a
/// digit or is longer than 100 characters; then it becomes `COL_` followed by what is left of it once the
/// unsupported characters are dropped (`year` → `COL_year`, `USER@DOMAIN` → `COL_USERDOMAIN`), or `COL_<n>` with n
/// the column's 0-based position when nothing is left (`@@` → `COL_0`).
enum DiscoveredColumnName {
    static let lengthMax = 100

    static func name(for source: String, position: Int) -> String {
        let kept = String(source.unicodeScalars.filter(isSupported).map(Character.init))
        guard !kept.isEmpty else { return "COL_\(position)" }
        let startsWithDigit = kept.unicodeScalars.first.map { ("0" ... "9").contains($0) } ?? false
        let isKept = kept == source && !startsWithDigit && !reservedWords.contains(kept.uppercased())
            && kept.count <= lengthMax
        return isKept ? kept : "COL_" + kept.prefix(lengthMax - 4)
    }

    private static func isSupported(_ scalar: Unicode.Scalar) -> Bool {
        ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || ("0" ... "9").contains(scalar)
            || scalar == "_"
    }

    /// Reserved words of the Kinesis Data Analytics SQL dialect: the SQL:2003 reserved words and the dialect's own
    /// additions (ROWTIME, STREAM, APPROXIMATE_ARRIVAL_TIME, ...).
    static let reservedWords: Set<String> = [
        "ABS", "ALL", "ALLOCATE", "ALLOW", "ALTER", "ANALYZE", "AND", "ANY", "APPROXIMATE_ARRIVAL_TIME", "ARE",
        "ARRAY", "AS", "ASENSITIVE", "ASYMMETRIC", "AT", "ATOMIC", "AUTHORIZATION", "AVG",
        "BEGIN", "BETWEEN", "BIGINT", "BINARY", "BIT", "BLOB", "BOOLEAN", "BOTH", "BY",
        "CALL", "CALLED", "CARDINALITY", "CASCADED", "CASE", "CAST", "CEIL", "CEILING", "CHAR", "CHARACTER",
        "CHARACTER_LENGTH", "CHAR_LENGTH", "CHECK", "CHECKPOINT", "CLOB", "CLOSE", "CLUSTERED", "COALESCE",
        "COLLATE", "COLLECT", "COLUMN", "COMMIT", "CONDITION", "CONNECT", "CONSTRAINT", "CONVERT", "CORR",
        "CORRESPONDING", "COUNT", "COVAR_POP", "COVAR_SAMP", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT",
        "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_DEFAULT_TRANSFORM_GROUP", "CURRENT_PATH", "CURRENT_ROLE",
        "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_TRANSFORM_GROUP_FOR_TYPE", "CURRENT_USER",
        "CURSOR", "CYCLE",
        "DATE", "DAY", "DEALLOCATE", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DELETE", "DENSE_RANK", "DEREF",
        "DESCRIBE", "DETERMINISTIC", "DISALLOW", "DISCONNECT", "DISTINCT", "DOUBLE", "DROP", "DYNAMIC",
        "EACH", "ELEMENT", "ELSE", "END", "ESCAPE", "EVERY", "EXCEPT", "EXEC", "EXECUTE", "EXISTS", "EXP",
        "EXPLAIN", "EXP_AVG", "EXTERNAL", "EXTRACT",
        "FALSE", "FETCH", "FILTER", "FIRST_VALUE", "FLOAT", "FLOOR", "FOR", "FOREIGN", "FREE", "FROM", "FULL",
        "FUNCTION", "FUSION",
        "GET", "GLOBAL", "GRANT", "GROUP", "GROUPING",
        "HAVING", "HOLD", "HOUR",
        "IDENTITY", "IN", "INDICATOR", "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INTEGER", "INTERSECT",
        "INTERSECTION", "INTERVAL", "INTO", "IS",
        "JOIN",
        "LANGUAGE", "LARGE", "LAST_VALUE", "LATERAL", "LEADING", "LEFT", "LIKE", "LN", "LOCAL", "LOCALTIME",
        "LOCALTIMESTAMP", "LOWER",
        "MATCH", "MAX", "MEMBER", "MERGE", "METHOD", "MIN", "MINUTE", "MOD", "MODIFIES", "MODULE", "MONTH",
        "MULTISET",
        "NATIONAL", "NATURAL", "NCHAR", "NCLOB", "NEW", "NO", "NONE", "NORMALIZE", "NOT", "NULL", "NULLIF",
        "NUMERIC",
        "OCTET_LENGTH", "OF", "OLD", "ON", "ONLY", "OPEN", "OR", "ORDER", "OUT", "OUTER", "OVER", "OVERLAPS",
        "OVERLAY",
        "PARAMETER", "PARTITION", "PERCENTILE_CONT", "PERCENTILE_DISC", "PERCENT_RANK", "POSITION", "POWER",
        "PRECISION", "PREPARE", "PRIMARY", "PROCEDURE",
        "RANGE", "RANK", "READS", "REAL", "RECURSIVE", "REF", "REFERENCES", "REFERENCING", "REGR_AVGX",
        "REGR_AVGY", "REGR_COUNT", "REGR_INTERCEPT", "REGR_R2", "REGR_SLOPE", "REGR_SXX", "REGR_SXY", "REGR_SYY",
        "RELEASE", "RESULT", "RETURN", "RETURNS", "REVOKE", "RIGHT", "ROLLBACK", "ROLLUP", "ROW", "ROWS",
        "ROWTIME", "ROW_NUMBER",
        "SAVEPOINT", "SCOPE", "SCROLL", "SEARCH", "SECOND", "SELECT", "SENSITIVE", "SESSION_USER", "SET",
        "SIMILAR", "SMALLINT", "SOME", "SPECIFIC", "SPECIFICTYPE", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING",
        "SQRT", "START", "STATIC", "STDDEV_POP", "STDDEV_SAMP", "STREAM", "SUBMULTISET", "SUBSTRING", "SUM",
        "SYMMETRIC", "SYSTEM", "SYSTEM_USER",
        "TABLE", "TABLESAMPLE", "THEN", "TIME", "TIMESTAMP", "TIMEZONE_HOUR", "TIMEZONE_MINUTE", "TO", "TRAILING",
        "TRANSLATE", "TRANSLATION", "TREAT", "TRIGGER", "TRIM", "TRUE",
        "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "UNNEST", "UPDATE", "UPPER", "USER", "USING",
        "VALUE", "VALUES", "VARCHAR", "VARYING", "VAR_POP", "VAR_SAMP",
        "WHEN", "WHENEVER", "WHERE", "WIDTH_BUCKET", "WINDOW", "WITH", "WITHIN", "WITHOUT",
        "YEAR",
    ]
}
