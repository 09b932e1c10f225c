import Foundation

/// Reading typed operands out of `SQLValue`s inside function bodies. The binder has already checked the static
/// types, so a mismatch here means an internal inconsistency; it still becomes a row error rather than a crash.
extension SQLValue {
    func integerOperand(_ function: String) throws(SQLEvaluationError) -> Int64 {
        switch self {
        case .integer(let value): return value
        case .decimal(let value):
            guard value >= Decimal(Int64.min), value <= Decimal(Int64.max) else {
                throw SQLEvaluationError("\(function): value \(value) out of range of BIGINT")
            }
            return NSDecimalNumber(decimal: value).int64Value
        default: throw SQLEvaluationError("\(function): expected an integer argument")
        }
    }

    func doubleOperand(_ function: String) throws(SQLEvaluationError) -> Double {
        switch self {
        case .integer(let value): return Double(value)
        case .decimal(let value): return NSDecimalNumber(decimal: value).doubleValue
        case .double(let value): return value
        default: throw SQLEvaluationError("\(function): expected a numeric argument")
        }
    }

    func stringOperand(_ function: String) throws(SQLEvaluationError) -> String {
        guard case .string(let value) = self else {
            throw SQLEvaluationError("\(function): expected a character argument")
        }
        return value
    }

    func timestampOperand(_ function: String) throws(SQLEvaluationError) -> Int64 {
        switch self {
        case .timestamp(let milliseconds): return milliseconds
        case .integer(let milliseconds): return milliseconds
        default: throw SQLEvaluationError("\(function): expected a TIMESTAMP argument")
        }
    }
}

extension SQLType {
    /// Numeric, or the type of a bare NULL that the binder has not typed yet.
    var acceptsNumeric: Bool { isNumeric || self == .unknown }
    var acceptsExactNumeric: Bool { isExactNumeric || self == .unknown }
    var acceptsInteger: Bool {
        if case .decimal(_, 0) = self { return true }
        return isInteger || self == .unknown
    }
    var acceptsCharacter: Bool { isCharacter || self == .unknown }

    /// The declared length of a character type (0 for other types).
    var characterLength: Int {
        switch self {
        case .char(let length), .varchar(let length): return length
        default: return 0
        }
    }
}
