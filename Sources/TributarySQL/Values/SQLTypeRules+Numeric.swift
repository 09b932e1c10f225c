/// Numeric result types: integer widening, DECIMAL precision and scale, and approximate types absorbing the rest.
extension SQLTypeRules {
    /// The largest DECIMAL precision Kinesis Data Analytics keeps ("up to 19 significant digits").
    package static let maximumDecimalPrecision = 19

    /// The type of `left op right` for two numeric operands and an arithmetic operator:
    /// - anything with DOUBLE is DOUBLE; otherwise anything with REAL is REAL;
    /// - two integer types give the wider one (`INTEGER / INTEGER` is INTEGER: division truncates);
    /// - with a DECIMAL, integers count as DECIMAL(3|5|10|19, 0) and SQL's rules apply, capped at precision 19:
    ///   `+`/`-` keep the larger scale and one more integer digit, `*` adds precisions and scales, `/` keeps at
    ///   least 6 fractional digits.
    package static func arithmeticType(_ op: BinaryOperator, _ left: SQLType, _ right: SQLType) -> SQLType {
        if left == .double || right == .double { return .double }
        if left == .real || right == .real { return .real }
        if left.isInteger && right.isInteger {
            return integerRank(left) >= integerRank(right) ? left : right
        }
        let (p1, s1) = decimalShape(left)
        let (p2, s2) = decimalShape(right)
        let maximum = maximumDecimalPrecision
        switch op {
        case .multiply:
            let scale = min(s1 + s2, maximum)
            return .decimal(precision: min(p1 + p2, maximum), scale: scale)
        case .divide:
            let integerDigits = p1 - s1 + s2
            var scale = max(6, s1 + p2 + 1)
            if integerDigits + scale > maximum {
                scale = max(maximum - integerDigits, min(scale, 6))
            }
            scale = min(scale, maximum)
            return .decimal(precision: min(integerDigits + scale, maximum), scale: scale)
        default:
            let scale = max(s1, s2)
            let integerDigits = max(p1 - s1, p2 - s2) + 1
            return .decimal(precision: min(integerDigits + scale, maximum), scale: scale)
        }
    }

    /// The narrowest numeric type that holds values of both types (for CASE, COALESCE, IN lists and UNION).
    package static func commonNumericType(_ left: SQLType, _ right: SQLType) -> SQLType {
        if left == .double || right == .double { return .double }
        if left == .real || right == .real { return .real }
        if left.isInteger && right.isInteger {
            return integerRank(left) >= integerRank(right) ? left : right
        }
        let (p1, s1) = decimalShape(left)
        let (p2, s2) = decimalShape(right)
        let scale = max(s1, s2)
        let integerDigits = max(p1 - s1, p2 - s2)
        return .decimal(precision: min(integerDigits + scale, maximumDecimalPrecision), scale: scale)
    }

    /// Precision and scale of an exact numeric type, integers counting as DECIMAL(3|5|10|19, 0).
    package static func decimalShape(_ type: SQLType) -> (precision: Int, scale: Int) {
        switch type {
        case .tinyint: (3, 0)
        case .smallint: (5, 0)
        case .integer: (10, 0)
        case .decimal(let precision, let scale): (precision, scale)
        default: (19, 0)
        }
    }

    static func integerRank(_ type: SQLType) -> Int {
        switch type {
        case .tinyint: 1
        case .smallint: 2
        case .integer: 3
        default: 4
        }
    }
}
