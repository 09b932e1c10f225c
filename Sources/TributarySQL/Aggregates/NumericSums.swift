import Foundation

/// The running sums behind SUM and AVG, one per representation: exact Int64 with overflow detection, exact
/// Decimal, and compensated (Neumaier) floating point so long sliding windows do not drift as values are added and
/// removed. Each also counts the values it holds.
enum NumericSum {
    case integer(Int64)
    case decimal(Decimal)
    case double(sum: Double, compensation: Double)

    static func zero(for type: SQLType) -> NumericSum {
        if type.isInteger { return .integer(0) }
        if type.isExactNumeric { return .decimal(0) }
        return .double(sum: 0, compensation: 0)
    }

    /// The sum after adding (`sign` 1) or removing (`sign` -1) `value`; the state is unchanged on error.
    func adding(_ value: SQLValue, sign: Int64, function: String) throws(SQLEvaluationError) -> NumericSum {
        switch self {
        case .integer(let sum):
            guard case .integer(let number) = value else { throw Self.notANumber(value, function) }
            let (result, overflow) = sign > 0 ? sum.addingReportingOverflow(number)
                : sum.subtractingReportingOverflow(number)
            guard !overflow else {
                throw SQLEvaluationError("Overflow: \(function) is out of range for type BIGINT")
            }
            return .integer(result)
        case .decimal(let sum):
            guard let number = value.decimalValue else { throw Self.notANumber(value, function) }
            return .decimal(sign > 0 ? sum + number : sum - number)
        case .double(let sum, let compensation):
            guard let number = value.doubleValue else { throw Self.notANumber(value, function) }
            let term = sign > 0 ? number : -number
            let total = sum + term
            let lost = sum.magnitude >= term.magnitude ? (sum - total) + term : (term - total) + sum
            return .double(sum: total, compensation: total.isFinite ? compensation + lost : 0)
        }
    }

    var doubleSum: Double {
        switch self {
        case .integer(let sum): Double(sum)
        case .decimal(let sum): SQLNumericLimits.double(from: sum)
        case .double(let sum, let compensation): sum + compensation
        }
    }

    static func notANumber(_ value: SQLValue, _ function: String) -> SQLEvaluationError {
        SQLEvaluationError("\(function) expects a number, got \(value.text.map { "'\($0)'" } ?? "NULL")")
    }
}
