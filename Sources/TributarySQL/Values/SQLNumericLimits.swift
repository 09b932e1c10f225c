import Foundation

/// Range checks and rounding shared by parsing, CAST, assignment and arithmetic, so an exact number that does not fit
/// its type fails the same way wherever it was computed.
package enum SQLNumericLimits {
    /// The values an integer type holds, or nil for a type that is not an integer type.
    package static func bounds(of type: SQLType) -> ClosedRange<Int64>? {
        switch type {
        case .tinyint: Int64(Int8.min)...Int64(Int8.max)
        case .smallint: Int64(Int16.min)...Int64(Int16.max)
        case .integer: Int64(Int32.min)...Int64(Int32.max)
        case .bigint: Int64.min...Int64.max
        default: nil
        }
    }

    /// `value` if it fits the integer `type`, else an out-of-range error naming the type.
    package static func checked(_ value: Int64, as type: SQLType) throws(SQLEvaluationError) -> Int64 {
        if let bounds = bounds(of: type), !bounds.contains(value) {
            throw outOfRange(String(value), type)
        }
        return value
    }

    package static func outOfRange(_ valueText: String, _ type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Value \(valueText) out of range for type \(type.sqlText)")
    }

    /// Rounds half away from zero to `scale` fractional digits (SQL's rounding for exact numerics).
    package static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// `value` rounded to the scale of DECIMAL(precision, scale), or an error when its integer part has more than
    /// `precision - scale` digits.
    package static func fitted(_ value: Decimal, precision: Int, scale: Int) throws(SQLEvaluationError) -> Decimal {
        let result = rounded(value, scale: scale)
        let limit = Decimal(sign: .plus, exponent: precision - scale, significand: 1)
        if result.magnitude >= limit {
            throw outOfRange(plainText(value), .decimal(precision: precision, scale: scale))
        }
        return result
    }

    /// The integer nearest `value` (half away from zero) if it fits the integer `type`.
    package static func integer(from value: Decimal, as type: SQLType) throws(SQLEvaluationError) -> Int64 {
        let whole = rounded(value, scale: 0)
        guard let result = Int64(plainText(whole)) else {
            throw outOfRange(plainText(value), type)
        }
        return try checked(result, as: type)
    }

    /// The integer nearest `value` (half away from zero) if it is finite and fits the integer `type`.
    package static func integer(from value: Double, as type: SQLType) throws(SQLEvaluationError) -> Int64 {
        let whole = value.rounded(.toNearestOrAwayFromZero)
        // 2^63 is exactly representable; anything at or above it does not fit Int64.
        guard whole.isFinite, whole >= -9_223_372_036_854_775_808.0, whole < 9_223_372_036_854_775_808.0 else {
            throw outOfRange(SQLDoubleText.javaText(value), type)
        }
        return try checked(Int64(whole), as: type)
    }

    /// An exact decimal for a finite double (the shortest decimal that reads back as the same double).
    package static func decimal(from value: Double, type: SQLType) throws(SQLEvaluationError) -> Decimal {
        guard value.isFinite, let result = Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) else {
            throw outOfRange(SQLDoubleText.javaText(value), type)
        }
        return result
    }

    /// Plain (never scientific) text of a decimal: `12.5`, `-0.001`, `100000000000000000000`.
    package static func plainText(_ value: Decimal) -> String {
        value.description
    }

    /// A Double for a decimal (nearest representable).
    package static func double(from value: Decimal) -> Double {
        Double(plainText(value)) ?? NSDecimalNumber(decimal: value).doubleValue
    }
}
