/// The datetime conversion functions: CHAR_TO_TIMESTAMP, CHAR_TO_DATE, CHAR_TO_TIME parse a string with a
/// SimpleDateFormat template; TIMESTAMP_TO_CHAR, DATE_TO_CHAR, TIME_TO_CHAR format a value with one. The template
/// is always the first argument.
enum DateTimeConversionFunctions {
    static let entries: [String: ScalarFunctionLibrary.Entry] = [
        "CHAR_TO_TIMESTAMP": .init(arity: 2...2) { parsing($0, .timestamp) { .timestamp(milliseconds: $0) } },
        "CHAR_TO_DATE": .init(arity: 2...2) {
            parsing($0, .date) { .date(days: SQLCalendar.split(milliseconds: $0).days) }
        },
        "CHAR_TO_TIME": .init(arity: 2...2) {
            parsing($0, .time) { .time(milliseconds: SQLCalendar.split(milliseconds: $0).millisecondOfDay) }
        },
        "TIMESTAMP_TO_CHAR": .init(arity: 2...2) { formatting($0, .timestamp, nullText: "null") },
        "DATE_TO_CHAR": .init(arity: 2...2) { formatting($0, .date, nullText: nil) },
        "TIME_TO_CHAR": .init(arity: 2...2) { formatting($0, .time, nullText: nil) },
    ]

    /// The type of every formatted string.
    static let formattedType = SQLType.varchar(length: 65535)

    private static func parsing(_ arguments: [FunctionArgument], _ resultType: SQLType,
                                _ make: @escaping @Sendable (Int64) -> SQLValue) -> ScalarFunction? {
        guard case .value(let format) = arguments[0], format.acceptsCharacter,
              case .value(let text) = arguments[1], text.acceptsCharacter else { return nil }
        return .nullPropagating(resultType) { values, context in
            let pattern = try DateTimePattern(try values[0].stringOperand("CHAR_TO_TIMESTAMP"))
            let text = try values[1].stringOperand("CHAR_TO_TIMESTAMP")
            return make(try pattern.parse(text, nowMilliseconds: context.nowMs))
        }
    }

    /// `nullText` is what a NULL value formats to (TIMESTAMP_TO_CHAR gives the string "null"); without it a NULL
    /// value gives NULL.
    private static func formatting(_ arguments: [FunctionArgument], _ valueType: SQLType,
                                   nullText: String?) -> ScalarFunction? {
        guard case .value(let format) = arguments[0], format.acceptsCharacter,
              case .value(let type) = arguments[1], type == valueType || type == .unknown else { return nil }
        return ScalarFunction(resultType: formattedType) { values, _ in
            if values[0].isNull { return .null }
            let milliseconds: Int64
            switch values[1] {
            case .null: return nullText.map { .string($0) } ?? .null
            case .timestamp(let value), .time(let value): milliseconds = value
            case .date(let days): milliseconds = days * SQLCalendar.millisecondsPerDay
            default: throw SQLEvaluationError("expected a \(valueType.sqlText) argument")
            }
            let pattern = try DateTimePattern(try values[0].stringOperand("TIMESTAMP_TO_CHAR"))
            return .string(pattern.format(epochMilliseconds: milliseconds))
        }
    }
}
