import Foundation

/// Grammar rules for literals: numbers, strings, binary strings, booleans, NULL, DATE / TIME / TIMESTAMP and
/// INTERVAL, converted to the `SQLValue` they denote.
extension SQLTokenParser {
    /// The literal starting at the current token, or nil when the token does not start one.
    mutating func literalExpression() throws(SQLSyntaxError) -> Expression? {
        let token = current
        let value: SQLValue
        switch token.kind {
        case .integer(let digits):
            if let integer = Int64(digits) {
                value = .integer(integer)
            } else {
                value = .decimal(try decimal(digits, token))
            }
        case .decimal(let text):
            value = .decimal(try decimal(text, token))
        case .approximate(let text):
            guard let double = Double(text), double.isFinite else {
                throw Self.invalid("Numeric literal '\(text)' is out of range", at: token)
            }
            value = .double(double)
        case .string(let text):
            value = .string(text)
        case .binaryString(let hex):
            value = .binary(try bytes(hex, token))
        case .word("TRUE"): value = .boolean(true)
        case .word("FALSE"): value = .boolean(false)
        case .word("NULL"), .word("UNKNOWN"): value = .null
        case .word(let word) where word == "DATE" || word == "TIME" || word == "TIMESTAMP":
            advance()
            return .literal(try dateTimeValue(kind: word), token.position)
        case .word("INTERVAL"):
            advance()
            return .literal(try intervalValue(), token.position)
        default:
            return nil
        }
        advance()
        return .literal(value, token.position)
    }

    private func decimal(_ text: String, _ token: SQLToken) throws(SQLSyntaxError) -> Decimal {
        guard let value = Decimal(string: text) else {
            throw Self.invalid("Numeric literal '\(text)' is out of range", at: token)
        }
        return value
    }

    private func bytes(_ hex: String, _ token: SQLToken) throws(SQLSyntaxError) -> [UInt8] {
        let digits = Array(hex)
        guard digits.allSatisfy(\.isHexDigit) else {
            throw Self.invalid("Binary literal string must contain only characters '0' - '9', 'A' - 'F'",
                               at: token)
        }
        guard digits.count % 2 == 0 else {
            throw Self.invalid("Binary literal string must contain an even number of hexits", at: token)
        }
        return stride(from: 0, to: digits.count, by: 2).map { offset in
            UInt8(digits[offset].hexDigitValue! * 16 + digits[offset + 1].hexDigitValue!)
        }
    }

    /// The string after DATE, TIME or TIMESTAMP, read in that type's format.
    private mutating func dateTimeValue(kind: String) throws(SQLSyntaxError) -> SQLValue {
        let token = current
        guard case .string(let text) = token.kind else { throw unexpected(["<STRING>"]) }
        advance()
        let value: SQLValue?
        let format: String
        switch kind {
        case "DATE":
            value = SQLDatetimeSyntax.dateLiteral(text).map { SQLValue.date(days: $0) }
            format = "yyyy-MM-dd"
        case "TIME":
            value = SQLDatetimeSyntax.timeLiteral(text).map { SQLValue.time(milliseconds: $0) }
            format = "HH:mm:ss"
        default:
            value = SQLDatetimeSyntax.timestampLiteral(text).map { SQLValue.timestamp(milliseconds: $0) }
            format = "yyyy-MM-dd HH:mm:ss"
        }
        guard let value else {
            throw Self.invalid("Illegal \(kind) literal '\(text)': not in format '\(format)'", at: token)
        }
        return value
    }

    /// `[+|-] 'text' qualifier` after INTERVAL.
    private mutating func intervalValue() throws(SQLSyntaxError) -> SQLValue {
        var negative = false
        if accept(.minus) {
            negative = true
        } else {
            _ = accept(.plus)
        }
        let token = current
        guard case .string(let text) = token.kind else { throw unexpected(["<STRING>"]) }
        advance()
        let qualifier = try intervalQualifier()
        guard let value = qualifier.value(of: text) else {
            throw Self.invalid("Illegal interval literal format '\(text)' for INTERVAL \(qualifier.description)",
                               at: token)
        }
        guard negative else { return value }
        switch value {
        case .intervalDayTime(let milliseconds): return .intervalDayTime(milliseconds: -milliseconds)
        case .intervalYearMonth(let months): return .intervalYearMonth(months: -months)
        default: return value
        }
    }

    /// `unit [(precision)] [TO unit [(precision)]]`; precisions are accepted and not enforced.
    mutating func intervalQualifier() throws(SQLSyntaxError) -> SQLIntervalQualifier {
        let start = try intervalUnit()
        try skipIntervalPrecision(allowingFraction: start == .second)
        guard current.isWord("TO") else { return SQLIntervalQualifier(start: start, end: nil) }
        let toToken = advance()
        let end = try intervalUnit()
        let valid = start.rawValue < end.rawValue && (start <= .month) == (end <= .month)
        guard valid else {
            throw Self.invalid("Illegal interval qualifier \(start.keyword) TO \(end.keyword)", at: toToken)
        }
        try skipIntervalPrecision(allowingFraction: false)
        return SQLIntervalQualifier(start: start, end: end)
    }

    private mutating func intervalUnit() throws(SQLSyntaxError) -> SQLIntervalUnit {
        guard let word = current.word, let unit = SQLIntervalUnit(keyword: word) else {
            throw unexpected(["\"YEAR\"", "\"MONTH\"", "\"DAY\"", "\"HOUR\"", "\"MINUTE\"", "\"SECOND\""])
        }
        advance()
        return unit
    }

    private mutating func skipIntervalPrecision(allowingFraction: Bool) throws(SQLSyntaxError) {
        guard accept(.leftParen) else { return }
        _ = try unsignedInteger()
        if allowingFraction && accept(.comma) {
            _ = try unsignedInteger()
        }
        try expect(.rightParen)
    }
}
