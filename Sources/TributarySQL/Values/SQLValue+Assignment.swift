extension SQLValue {
    /// The value as stored in a column of `type` (INSERT into an in-application stream, a pump's SELECT list, input
    /// mapping of JSON numbers and booleans): the implicit conversions of `SQLTypeRules.canAssign`, adjusted to the
    /// column. VARCHAR(n) and CHAR(n) truncate a longer string (as Kinesis Data Analytics does for a column that is
    /// too short) and CHAR pads; VARBINARY(n) truncates; integer columns check their range (an overflow is an
    /// error), DECIMAL(p,s) rounds to s digits and checks p, REAL rounds to Float precision; a DATE stored in a
    /// TIMESTAMP column is midnight. A conversion outside those rules is an error.
    package func assigned(to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        if isNull { return .null }
        switch (self, type) {
        case (.string(let value), .varchar(let length)):
            return .string(value.sqlTruncated(toLength: length))
        case (.string(let value), .char(let length)):
            return .string(value.sqlTruncated(toLength: length).sqlPadded(toLength: length))
        case (.binary(let bytes), .varbinary(let length)):
            return .binary(Array(bytes.prefix(length)))
        case (.integer, _), (.decimal, _), (.double, _):
            guard type.isNumeric else { throw cannotAssign(to: type) }
            return try numeric(as: type)
        case (.boolean, .boolean), (.date, .date), (.time, .time), (.timestamp, .timestamp),
             (.intervalDayTime, .intervalDayTime), (.intervalYearMonth, .intervalYearMonth):
            return self
        case (.date, .timestamp):
            return try cast(to: type)
        default:
            throw cannotAssign(to: type)
        }
    }

    private func cannotAssign(to type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Cannot assign \(text.map { "'\($0)'" } ?? "NULL") to a column of type \(type.sqlText)")
    }
}
