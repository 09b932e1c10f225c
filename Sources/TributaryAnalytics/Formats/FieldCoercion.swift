import Foundation
import TributarySQL

/// Converts one source field into a value of its column's SQL type, by the rules of "Mapping JSON Data Types to
/// SQL Data Types" in the Kinesis Data Analytics developer guide; CSV fields follow the rules of JSON strings.
///
/// - JSON null is NULL for every type; an empty CSV field is NULL for every type but CHAR/VARCHAR (where it is '').
/// - Booleans: 1/0 into numbers, `true`/`false` into characters, one byte 1/0 into VARBINARY; datetimes fail.
/// - Numbers: numeric types take them exactly (a value beyond the type's range, or with a fraction the type cannot
///   hold, `123.4` into INTEGER, fails); BOOLEAN is false for 0 and true otherwise; characters get the number's
///   text as written; VARBINARY and datetimes fail.
/// - Strings: parsed as the type; BOOLEAN is true for `true` in any case and false for anything else; VARBINARY
///   needs a binary literal `X'3F67'` (CSV also takes bare hex digits).
/// - Arrays and objects: their JSON text into characters; every other type fails.
/// - CHAR, VARCHAR and VARBINARY values longer than the column are truncated without error; CHAR is padded.
package enum FieldCoercion {
    /// `value` (nil for a missing member) as a value of `type`.
    package static func coerce(_ value: RecordJSONValue?, to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        guard let value else { return .null }
        switch value {
        case .null:
            return .null
        case .bool(let flag):
            return try coerce(flag, to: type)
        case .number(let text):
            return try coerce(number: text, to: type)
        case .string(let text):
            return try coerce(string: text, to: type, allowsBareHex: false)
        case .array, .object:
            guard type.isCharacter else { throw cannotConvert(value.jsonText, type) }
            return fitted(value.jsonText, to: type)
        }
    }

    /// A CSV field as a value of `type`.
    package static func coerce(field: String, to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        if field.isEmpty && !type.isCharacter { return .null }
        return try coerce(string: field, to: type, allowsBareHex: true)
    }

    private static func coerce(_ flag: Bool, to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch type {
        case .boolean: return .boolean(flag)
        case .tinyint, .smallint, .integer, .bigint: return .integer(flag ? 1 : 0)
        case .decimal: return .decimal(flag ? 1 : 0)
        case .real, .double: return .double(flag ? 1 : 0)
        case .char, .varchar: return fitted(flag ? "true" : "false", to: type)
        case .varbinary: return try SQLValue.binary([flag ? 1 : 0]).assigned(to: type)
        default: throw cannotConvert(flag ? "true" : "false", type)
        }
    }

    private static func coerce(number text: String, to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
        switch type {
        case .tinyint, .smallint, .integer, .bigint:
            guard let value = SQLNumberSyntax(text)?.decimal,
                  value == SQLNumericLimits.rounded(value, scale: 0)
            else { throw cannotConvert(text, type) }
            return try SQLValue.parse(text, as: type)
        case .decimal(_, let scale):
            guard let value = SQLNumberSyntax(text)?.decimal,
                  value == SQLNumericLimits.rounded(value, scale: scale)
            else { throw cannotConvert(text, type) }
            return try SQLValue.parse(text, as: type)
        case .real, .double:
            return try SQLValue.parse(text, as: type)
        case .boolean:
            // A number beyond Decimal's range is certainly not 0.
            return .boolean(!(SQLNumberSyntax(text)?.decimal?.isZero ?? false))
        case .char, .varchar:
            return fitted(text, to: type)
        default:
            throw cannotConvert(text, type)
        }
    }

    private static func coerce(string text: String, to type: SQLType, allowsBareHex: Bool)
        throws(SQLEvaluationError) -> SQLValue
    {
        switch type {
        case .char, .varchar:
            return fitted(text, to: type)
        case .boolean:
            return .boolean(text.lowercased() == "true")
        case .varbinary:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 3, trimmed.first == "X" || trimmed.first == "x",
               trimmed.dropFirst().first == "'", trimmed.last == "'" {
                return try SQLValue.parse(String(trimmed.dropFirst(2).dropLast()), as: type).assigned(to: type)
            }
            guard allowsBareHex else { throw cannotConvert(text, type) }
            return try SQLValue.parse(trimmed, as: type).assigned(to: type)
        default:
            return try SQLValue.parse(text, as: type)
        }
    }

    /// `text` truncated to a CHAR/VARCHAR column's length, and padded with spaces for CHAR.
    static func fitted(_ text: String, to type: SQLType) -> SQLValue {
        // A string always assigns to a character type.
        (try? SQLValue.string(text).assigned(to: type)) ?? .string(text)
    }

    private static func cannotConvert(_ text: String, _ type: SQLType) -> SQLEvaluationError {
        SQLEvaluationError("Cannot convert '\(text)' to \(type.sqlText)")
    }
}
