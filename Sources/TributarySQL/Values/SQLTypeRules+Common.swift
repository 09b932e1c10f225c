/// The common type of several expressions that must yield one type: CASE branches, COALESCE arguments, IN lists,
/// the two sides of a UNION.
extension SQLTypeRules {
    /// The least restrictive type all of `types` convert to: numbers by `commonNumericType`, strings as VARCHAR of
    /// the longest length (CHAR when all are CHAR), binary as VARBINARY of the longest length, DATE with TIMESTAMP
    /// as TIMESTAMP, and every other type only with itself. NULL literals (`.unknown`) fit anything; all-NULL stays
    /// `.unknown`. Throws "Illegal mixing of types" otherwise.
    package static func commonType(_ types: [SQLType]) throws(SQLTypeError) -> SQLType {
        var result = SQLType.unknown
        for type in types where type != .unknown {
            guard let combined = common(result, type) else {
                let listed = types.map(\.sqlText).joined(separator: ", ")
                throw SQLTypeError("Illegal mixing of types: \(listed)")
            }
            result = combined
        }
        return result
    }

    private static func common(_ left: SQLType, _ right: SQLType) -> SQLType? {
        if left == .unknown || left == right { return right }
        if left.isNumeric && right.isNumeric { return commonNumericType(left, right) }
        switch (left, right) {
        case (.char(let a), .char(let b)):
            return .char(length: max(a, b))
        case (.char(let a), .varchar(let b)), (.varchar(let a), .char(let b)), (.varchar(let a), .varchar(let b)):
            return .varchar(length: max(a, b))
        case (.varbinary(let a), .varbinary(let b)):
            return .varbinary(length: max(a, b))
        case (.date, .timestamp), (.timestamp, .date):
            return .timestamp
        default:
            return nil
        }
    }
}
