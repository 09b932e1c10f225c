/// Grammar rules for data types, as CREATE STREAM columns, CAST and RecordColumns' `SqlType` write them.
extension SQLTokenParser {
    /// The longest CHAR, VARCHAR and VARBINARY the reference allows (lengths must be below 65535).
    static let maximumLength = 65534
    /// DECIMAL precision: 1 to 18 digits, 18 by default; the scale defaults to 0.
    static let maximumDecimalPrecision = 18

    mutating func dataType() throws(SQLSyntaxError) -> SQLType {
        let token = current
        guard let word = token.word else { throw unexpected(["<data type>"]) }
        advance()
        switch word {
        case "BOOLEAN": return .boolean
        case "TINYINT": return .tinyint
        case "SMALLINT": return .smallint
        case "INTEGER", "INT": return .integer
        case "BIGINT": return .bigint
        case "REAL": return .real
        case "FLOAT": return .double
        case "DOUBLE":
            _ = accept("PRECISION")
            return .double
        case "DECIMAL", "DEC", "NUMERIC": return try decimalType()
        case "CHAR", "CHARACTER":
            if accept("VARYING") {
                return .varchar(length: try requiredLength())
            }
            return .char(length: try optionalLength() ?? 1)
        case "VARCHAR": return .varchar(length: try requiredLength())
        case "BINARY":
            if accept("VARYING") {
                return .varbinary(length: try requiredLength())
            }
            return .varbinary(length: try optionalLength() ?? 1)
        case "VARBINARY": return .varbinary(length: try requiredLength())
        case "DATE": return .date
        case "TIME": return .time
        case "TIMESTAMP": return .timestamp
        case "INTERVAL":
            return try intervalQualifier().isYearMonth ? .intervalYearMonth : .intervalDayTime
        default:
            throw Self.unexpected(token, expected: ["<data type>"])
        }
    }

    private mutating func decimalType() throws(SQLSyntaxError) -> SQLType {
        guard accept(.leftParen) else { return .decimal(precision: Self.maximumDecimalPrecision, scale: 0) }
        let precisionToken = current
        let precision = try unsignedInteger()
        guard (1...Self.maximumDecimalPrecision).contains(precision) else {
            throw Self.invalid("DECIMAL precision \(precision) must be between 1 and "
                + "\(Self.maximumDecimalPrecision)", at: precisionToken)
        }
        var scale = 0
        if accept(.comma) {
            let scaleToken = current
            scale = try unsignedInteger()
            guard scale <= precision else {
                throw Self.invalid("DECIMAL scale \(scale) must be between 0 and the precision \(precision)",
                                   at: scaleToken)
            }
        }
        try expect(.rightParen, orOneOf: scale == 0 ? ["\",\""] : [])
        return .decimal(precision: precision, scale: scale)
    }

    private mutating func requiredLength() throws(SQLSyntaxError) -> Int {
        guard let length = try optionalLength() else { throw unexpected(["\"(\""]) }
        return length
    }

    /// `(n)` with 0 < n < 65535, or nil when no parenthesis follows.
    private mutating func optionalLength() throws(SQLSyntaxError) -> Int? {
        guard accept(.leftParen) else { return nil }
        let token = current
        let length = try unsignedInteger()
        guard (1...Self.maximumLength).contains(length) else {
            throw Self.invalid("Length \(length) must be between 1 and \(Self.maximumLength)", at: token)
        }
        try expect(.rightParen)
        return length
    }

    /// An unsigned integer literal that fits an Int.
    mutating func unsignedInteger() throws(SQLSyntaxError) -> Int {
        let token = current
        guard case .integer(let digits) = token.kind else { throw unexpected(["<UNSIGNED_INTEGER_LITERAL>"]) }
        guard let value = Int(digits) else { throw Self.invalid("Number \(digits) is out of range", at: token) }
        advance()
        return value
    }
}
