import Foundation

extension SQLValue {
    /// `CAST(value AS type)`. `sourceType`, when given, is the operand's declared type; it decides the text of a
    /// REAL (Float digits) or a DECIMAL (its scale) cast to a string.
    ///
    /// - NULL stays NULL.
    /// - Numbers to numbers round half away from zero ("the real is rounded by the cast"); a value out of the
    ///   target's range is an error.
    /// - Anything to CHAR(n)/VARCHAR(n) uses the canonical `text`; a string longer than n is truncated, while a
    ///   non-string whose text does not fit is an error (the reference's DATE to VARCHAR(9) selects no row);
    ///   CHAR(n) pads with spaces.
    /// - Strings to other types parse as `SQLValue.parse`, ignoring surrounding spaces.
    /// - TIMESTAMP to DATE keeps the day, to TIME the time of day; DATE to TIMESTAMP is midnight; TIME to
    ///   TIMESTAMP is that time on 1970-01-01 (no session date exists to take).
    /// - Intervals to exact numbers give their count in milliseconds (day-time) or months (year-month).
    /// - VARBINARY(n) truncates to n bytes.
    package func cast(to type: SQLType, from sourceType: SQLType? = nil) throws(SQLEvaluationError) -> SQLValue {
        if isNull { return .null }
        switch type {
        case .char(let length):
            return .string(try castText(length: length, sourceType: sourceType).sqlPadded(toLength: length))
        case .varchar(let length):
            return .string(try castText(length: length, sourceType: sourceType))
        case .varbinary(let length):
            guard case .binary(let bytes) = self else { throw cannotCast(to: type) }
            return .binary(Array(bytes.prefix(length)))
        case .tinyint, .smallint, .integer, .bigint, .decimal, .real, .double:
            switch self {
            case .string(let text):
                return try SQLValue.parse(text, as: type)
            case .intervalDayTime(let count), .intervalYearMonth(let count):
                guard type.isExactNumeric else { throw cannotCast(to: type) }
                return try SQLValue.integer(count).numeric(as: type)
            default:
                return try numeric(as: type)
            }
        case .boolean:
            switch self {
            case .boolean: return self
            case .string(let text): return try SQLValue.parse(text, as: type)
            default: throw cannotCast(to: type)
            }
        case .date:
            switch self {
            case .date: return self
            case .timestamp(let milliseconds): return .date(days: SQLCalendar.split(milliseconds: milliseconds).days)
            case .string(let text): return try SQLValue.parse(text, as: type)
            default: throw cannotCast(to: type)
            }
        case .time:
            switch self {
            case .time: return self
            case .timestamp(let milliseconds):
                return .time(milliseconds: SQLCalendar.split(milliseconds: milliseconds).millisecondOfDay)
            case .string(let text): return try SQLValue.parse(text, as: type)
            default: throw cannotCast(to: type)
            }
        case .timestamp:
            switch self {
            case .timestamp: return self
            case .date(let days):
                let (milliseconds, overflow) = days.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay)
                guard !overflow else { throw cannotCast(to: type) }
                return .timestamp(milliseconds: milliseconds)
            case .time(let milliseconds): return .timestamp(milliseconds: milliseconds)
            case .string(let text): return try SQLValue.parse(text, as: type)
            default: throw cannotCast(to: type)
            }
        case .intervalDayTime, .intervalYearMonth:
            switch self {
            case .intervalDayTime where type == .intervalDayTime, .intervalYearMonth where type == .intervalYearMonth:
                return self
            case .string(let text): return try SQLValue.parse(text, as: type)
            default: throw cannotCast(to: type)
            }
        case .unknown:
            throw cannotCast(to: type)
        }
    }

    /// The text a cast to a character type of `length` produces: strings truncate, other values must fit.
    private func castText(length: Int, sourceType: SQLType?) throws(SQLEvaluationError) -> String {
        switch self {
        case .string(let value): return value.sqlTruncated(toLength: length)
        case .binary: throw cannotCast(to: .varchar(length: length))
        default: break
        }
        let rendered = (sourceType.map { text(for: $0) } ?? text) ?? ""
        guard rendered.count <= length else {
            throw SQLEvaluationError("Cannot cast '\(rendered)' to VARCHAR(\(length)): the value needs "
                + "\(rendered.count) characters")
        }
        return rendered
    }
}

extension String {
    /// The first `length` characters.
    func sqlTruncated(toLength length: Int) -> String {
        count <= length ? self : String(prefix(length))
    }

    /// Right-padded with spaces to `length` characters (longer strings are kept).
    func sqlPadded(toLength length: Int) -> String {
        let missing = length - count
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
