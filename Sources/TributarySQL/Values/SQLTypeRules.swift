/// The type system's rules: which conversions CAST and assignment allow, which types compare, and (in the
/// extensions) the result types of operators and of mixed branches. Kept apart from evaluation so the binder can
/// check an expression once, and the evaluator can trust the types it is given.
package enum SQLTypeRules {
    /// Whether `CAST(x AS target)` is valid for an `x` of type `source`, per the reference's table of valid
    /// conversions (numbers to numbers and strings; strings to everything but binary; dates, times and timestamps
    /// among themselves as the table lists; intervals to exact numbers and strings; booleans to strings; binary to
    /// binary). A NULL literal casts to anything.
    package static func canCast(from source: SQLType, to target: SQLType) -> Bool {
        if source == .unknown { return target != .unknown }
        if target.isCharacter {
            return source != .unknown && !isBinary(source)
        }
        switch source {
        case _ where source.isNumeric:
            return target.isNumeric
        case .char, .varchar:
            return !isBinary(target) && target != .unknown
        case .date:
            return target == .date || target == .timestamp
        case .time:
            return target == .time || target == .timestamp
        case .timestamp:
            return target.isDatetime
        case .intervalDayTime, .intervalYearMonth:
            return target == source || target.isExactNumeric
        case .boolean:
            return target == .boolean
        case .varbinary:
            return isBinary(target)
        default:
            return false
        }
    }

    /// Whether a value of type `source` may be stored in a column of type `target` without a CAST (INSERT into a
    /// stream, a pump's SELECT list): numbers into numbers, strings into strings, DATE into TIMESTAMP, and each
    /// other type into itself. Lengths, precisions and scales are adjusted by `SQLValue.assigned(to:)`.
    package static func canAssign(from source: SQLType, to target: SQLType) -> Bool {
        if source == .unknown { return target != .unknown }
        if source.isNumeric { return target.isNumeric }
        if source.isCharacter { return target.isCharacter }
        if isBinary(source) { return isBinary(target) }
        if source == .date && target == .timestamp { return true }
        return source == target
    }

    /// Whether `=`, `<` and the other comparisons apply to operands of these types: numbers with numbers, strings
    /// with strings, binary with binary, and booleans, dates, times, timestamps and intervals with their own kind.
    /// A NULL literal compares with anything.
    package static func isComparable(_ left: SQLType, _ right: SQLType) -> Bool {
        if left == .unknown || right == .unknown { return true }
        if left.isNumeric { return right.isNumeric }
        if left.isCharacter { return right.isCharacter }
        if isBinary(left) { return isBinary(right) }
        return left == right
    }

    static func isBinary(_ type: SQLType) -> Bool {
        if case .varbinary = type { return true }
        return false
    }
}
