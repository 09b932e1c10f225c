import Foundation

/// Arithmetic on numbers: in the integer result type with overflow checks, in DECIMAL rounded to the result's
/// scale, or in floating point (REAL results rounded to Float).
extension SQLOperators {
    static func arithmetic(_ op: BinaryOperator, _ left: SQLValue, _ right: SQLValue,
                           resultType: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch resultType {
        case .tinyint, .smallint, .integer, .bigint:
            guard case .integer(let a) = left, case .integer(let b) = right else {
                return try arithmetic(op, left, right, resultType: .double).numeric(as: resultType)
            }
            return .integer(try integerArithmetic(op, a, b, resultType))
        case .decimal(let precision, let scale):
            guard let a = left.decimalValue, let b = right.decimalValue else { throw notNumbers(op, left, right) }
            let exact: Decimal
            switch op {
            case .add: exact = a + b
            case .subtract: exact = a - b
            case .multiply: exact = a * b
            default:
                guard !b.isZero else { throw divisionByZero }
                exact = a / b
            }
            guard exact.isFinite else { throw overflow(expression(op, left, right), resultType) }
            return .decimal(try SQLNumericLimits.fitted(exact, precision: precision, scale: scale))
        default:
            guard let a = left.doubleValue, let b = right.doubleValue else { throw notNumbers(op, left, right) }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            default:
                guard b != 0 else { throw divisionByZero }
                result = a / b
            }
            return resultType == .real ? .double(Double(Float(result))) : .double(result)
        }
    }

    /// Int64 arithmetic checked against `type`'s range; division truncates toward zero.
    static func integerArithmetic(_ op: BinaryOperator, _ a: Int64, _ b: Int64,
                                  _ type: SQLType) throws(SQLEvaluationError) -> Int64 {
        let (result, overflowed): (Int64, Bool)
        switch op {
        case .add: (result, overflowed) = a.addingReportingOverflow(b)
        case .subtract: (result, overflowed) = a.subtractingReportingOverflow(b)
        case .multiply: (result, overflowed) = a.multipliedReportingOverflow(by: b)
        default:
            guard b != 0 else { throw divisionByZero }
            (result, overflowed) = a.dividedReportingOverflow(by: b)
        }
        guard !overflowed, SQLNumericLimits.bounds(of: type)?.contains(result) ?? true else {
            throw overflow("\(a) \(SQLTypeRules.symbol(of: op)) \(b)", type)
        }
        return result
    }

    static func expression(_ op: BinaryOperator, _ left: SQLValue, _ right: SQLValue) -> String {
        "\(left.text ?? "NULL") \(SQLTypeRules.symbol(of: op)) \(right.text ?? "NULL")"
    }

    static func notNumbers(_ op: BinaryOperator, _ left: SQLValue, _ right: SQLValue) -> SQLEvaluationError {
        SQLEvaluationError("Cannot apply '\(SQLTypeRules.symbol(of: op))' to \(describe(left)) and \(describe(right))")
    }
}
