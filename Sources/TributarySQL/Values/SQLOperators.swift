/// Evaluation of the binary and unary operators on values whose types the binder has already checked with
/// `SQLTypeRules` (it passes the result type it computed). NULL propagates, AND and OR use three-valued logic,
/// division by zero and overflow are row errors.
package enum SQLOperators {
    /// `left op right` for a result of `resultType` (from `SQLTypeRules.binaryResultType`).
    package static func apply(_ op: BinaryOperator, _ left: SQLValue, _ right: SQLValue,
                             resultType: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch op {
        case .and:
            return try logical(left, right, dominant: false)
        case .or:
            return try logical(left, right, dominant: true)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if left.isNull || right.isNull { return .null }
            guard let order = left.compare(right) else {
                throw SQLEvaluationError("Cannot compare \(describe(left)) with \(describe(right))")
            }
            return .boolean(holds(op, order))
        case .concatenate:
            if left.isNull || right.isNull { return .null }
            guard case .string(let a) = left, case .string(let b) = right else {
                throw SQLEvaluationError("Cannot concatenate \(describe(left)) and \(describe(right))")
            }
            return .string(a + b)
        case .add, .subtract, .multiply, .divide:
            if left.isNull || right.isNull { return .null }
            if let result = try temporal(op, left, right) { return result }
            return try arithmetic(op, left, right, resultType: resultType)
        }
    }

    /// `op operand` for a result of `resultType` (from `SQLTypeRules.unaryResultType`).
    package static func apply(_ op: UnaryOperator, _ operand: SQLValue,
                             resultType: SQLType) throws(SQLEvaluationError) -> SQLValue {
        if operand.isNull { return .null }
        switch op {
        case .plus:
            return operand
        case .not:
            guard case .boolean(let value) = operand else {
                throw SQLEvaluationError("Cannot apply NOT to \(describe(operand))")
            }
            return .boolean(!value)
        case .negate:
            switch operand {
            case .integer(let value):
                guard value != .min else { throw overflow("-\(value)", resultType) }
                return .integer(try SQLNumericLimits.checked(-value, as: resultType.isInteger ? resultType : .bigint))
            case .decimal(let value):
                return .decimal(-value)
            case .double(let value):
                return .double(-value)
            case .intervalDayTime(let value):
                guard value != .min else { throw overflow("-\(value)", resultType) }
                return .intervalDayTime(milliseconds: -value)
            case .intervalYearMonth(let value):
                guard value != .min else { throw overflow("-\(value)", resultType) }
                return .intervalYearMonth(months: -value)
            default:
                throw SQLEvaluationError("Cannot negate \(describe(operand))")
            }
        }
    }

    /// AND (`dominant` false) and OR (`dominant` true): the dominant value wins even over NULL, else NULL if any.
    private static func logical(_ left: SQLValue, _ right: SQLValue,
                                dominant: Bool) throws(SQLEvaluationError) -> SQLValue {
        let a = try truth(left)
        let b = try truth(right)
        if a == dominant || b == dominant { return .boolean(dominant) }
        if a == nil || b == nil { return .null }
        return .boolean(!dominant)
    }

    private static func truth(_ value: SQLValue) throws(SQLEvaluationError) -> Bool? {
        switch value {
        case .null: return nil
        case .boolean(let flag): return flag
        default: throw SQLEvaluationError("Expected a BOOLEAN, got \(describe(value))")
        }
    }

    private static func holds(_ op: BinaryOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        default: order >= 0
        }
    }

    static func describe(_ value: SQLValue) -> String {
        value.text.map { "'\($0)'" } ?? "NULL"
    }

    static func overflow(_ expression: String, _ type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Overflow: \(expression) is out of range for type \(type.sqlText)")
    }

    static let divisionByZero = SQLEvaluationError("Division by zero")
}
