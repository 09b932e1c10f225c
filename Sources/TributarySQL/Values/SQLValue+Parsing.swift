import Foundation

extension SQLValue {
    /// Reads `text` as a value of a column of `type`, as input mapping (CSV fields, JSON strings) and CAST from a
    /// character string do.
    ///
    /// Numbers take an optional sign, a fraction and an exponent for every numeric type; a fraction given to an
    /// integer type is rounded half away from zero, and a value outside the type's range (TINYINT included) is an
    /// error. BOOLEAN is `true`/`false` in any case. DATE is `yyyy-MM-dd`, TIME `HH:mm[:ss[.fff]]`, TIMESTAMP
    /// `yyyy-MM-dd[( |T)HH:mm[:ss[.fff]]][Z]` (fractions beyond milliseconds are truncated). CHAR and VARCHAR keep
    /// the text as is (no padding or truncation: that is `assigned(to:)`'s job). VARBINARY is hexadecimal digits.
    /// Surrounding spaces are ignored everywhere except for character types.
    package static func parse(_ text: String, as type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch type {
        case .char, .varchar:
            return .string(text)
        case .tinyint, .smallint, .integer, .bigint:
            return .integer(try parseInteger(text, as: type))
        case .decimal(let precision, let scale):
            guard let syntax = SQLNumberSyntax(text), let value = syntax.decimal else {
                throw cannotConvert(text, type)
            }
            return .decimal(try SQLNumericLimits.fitted(value, precision: precision, scale: scale))
        case .double:
            return .double(try parseApproximate(text, as: type))
        case .real:
            return .double(Double(Float(try parseApproximate(text, as: type))))
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw cannotConvert(text, type)
            }
        case .date:
            guard let days = SQLDatetimeSyntax.date(text.trimmingCharacters(in: .whitespaces)) else {
                throw cannotConvert(text, type)
            }
            return .date(days: days)
        case .time:
            guard let milliseconds = SQLDatetimeSyntax.time(text.trimmingCharacters(in: .whitespaces)) else {
                throw cannotConvert(text, type)
            }
            return .time(milliseconds: milliseconds)
        case .timestamp:
            guard let milliseconds = SQLDatetimeSyntax.timestamp(text.trimmingCharacters(in: .whitespaces)) else {
                throw cannotConvert(text, type)
            }
            return .timestamp(milliseconds: milliseconds)
        case .varbinary:
            guard let bytes = hexBytes(text.trimmingCharacters(in: .whitespaces)) else {
                throw cannotConvert(text, type)
            }
            return .binary(bytes)
        case .intervalDayTime:
            guard let milliseconds = SQLDatetimeSyntax.dayTimeInterval(text.trimmingCharacters(in: .whitespaces))
            else {
                throw cannotConvert(text, type)
            }
            return .intervalDayTime(milliseconds: milliseconds)
        case .intervalYearMonth:
            guard let months = SQLDatetimeSyntax.yearMonthInterval(text.trimmingCharacters(in: .whitespaces)) else {
                throw cannotConvert(text, type)
            }
            return .intervalYearMonth(months: months)
        case .unknown:
            throw cannotConvert(text, type)
        }
    }

    static func cannotConvert(_ text: String, _ type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Cannot convert '\(text)' to \(type.sqlText)")
    }

    private static func parseInteger(_ text: String, as type: SQLType) throws(SQLEvaluationError) -> Int64 {
        guard let syntax = SQLNumberSyntax(text) else { throw cannotConvert(text, type) }
        if syntax.isPlainInteger {
            let digits = syntax.text.hasPrefix("+") ? syntax.text.dropFirst() : syntax.text
            guard let value = Int64(digits) else {
                throw SQLNumericLimits.outOfRange(String(syntax.text), type)
            }
            return try SQLNumericLimits.checked(value, as: type)
        }
        guard let value = syntax.decimal else { throw SQLNumericLimits.outOfRange(String(syntax.text), type) }
        return try SQLNumericLimits.integer(from: value, as: type)
    }

    private static func parseApproximate(_ text: String, as type: SQLType) throws(SQLEvaluationError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "NaN": return .nan
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        guard let syntax = SQLNumberSyntax(trimmed), let value = Double(syntax.text) else {
            throw cannotConvert(text, type)
        }
        let limit = type == .real ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
        guard value.isFinite, value.magnitude <= limit else {
            throw SQLNumericLimits.outOfRange(String(syntax.text), type)
        }
        return value
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
