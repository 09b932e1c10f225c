import Foundation

extension SQLValue {
    /// The value as an exact decimal when it is a number (doubles by their shortest decimal text), else nil.
    package var decimalValue: Decimal? {
        switch self {
        case .integer(let value): Decimal(value)
        case .decimal(let value): value
        case .double(let value): value.isFinite ? try? SQLNumericLimits.decimal(from: value, type: .double) : nil
        default: nil
        }
    }

    /// The value as a double when it is a number, else nil.
    package var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .decimal(let value): SQLNumericLimits.double(from: value)
        case .double(let value): value
        default: nil
        }
    }

    /// The number converted to a numeric `type`: integers rounded half away from zero and range-checked, DECIMAL
    /// rounded to its scale and precision-checked, REAL rounded to Float precision (an overflow is an error).
    func numeric(as type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch (self, type) {
        case (.integer(let value), _) where type.isInteger:
            return .integer(try SQLNumericLimits.checked(value, as: type))
        case (.decimal(let value), _) where type.isInteger:
            return .integer(try SQLNumericLimits.integer(from: value, as: type))
        case (.double(let value), _) where type.isInteger:
            return .integer(try SQLNumericLimits.integer(from: value, as: type))
        case (_, .decimal(let precision, let scale)):
            guard let value = decimalValue else { throw cannotCast(to: type) }
            return .decimal(try SQLNumericLimits.fitted(value, precision: precision, scale: scale))
        case (_, .double):
            guard let value = doubleValue else { throw cannotCast(to: type) }
            return .double(value)
        case (_, .real):
            guard let value = doubleValue else { throw cannotCast(to: type) }
            let narrowed = Float(value)
            if value.isFinite && narrowed.isInfinite {
                throw SQLNumericLimits.outOfRange(SQLDoubleText.javaText(value), type)
            }
            return .double(Double(narrowed))
        default:
            throw cannotCast(to: type)
        }
    }

    func cannotCast(to type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Cannot cast \(text.map { "'\($0)'" } ?? "NULL") to \(type.sqlText)")
    }
}
