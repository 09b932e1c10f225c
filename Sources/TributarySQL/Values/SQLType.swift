/// A column or expression type of the Kinesis Data Analytics SQL dialect.
///
/// It exists so the parser (CREATE STREAM, CAST), the binder (type checking), input mapping (RecordColumns SqlType)
/// and output formatting agree on one description of a type. Lengths and precisions are kept because they change
/// behaviour: a CHAR pads, a VARCHAR(4) truncates on assignment, a DECIMAL(8,2) rounds.
public enum SQLType: Equatable, Hashable, Sendable {
    case boolean
    case tinyint, smallint, integer, bigint
    case decimal(precision: Int, scale: Int)
    case real, double
    case char(length: Int)
    case varchar(length: Int)
    case varbinary(length: Int)
    case date, time, timestamp
    /// `INTERVAL DAY TO SECOND` and its narrower qualifiers: a duration in milliseconds.
    case intervalDayTime
    /// `INTERVAL YEAR TO MONTH` and its narrower qualifiers: a number of months.
    case intervalYearMonth
    /// The type of a bare NULL literal before the binder gives it one.
    case unknown

    package var isExactNumeric: Bool {
        switch self {
        case .tinyint, .smallint, .integer, .bigint, .decimal: true
        default: false
        }
    }

    package var isInteger: Bool {
        switch self {
        case .tinyint, .smallint, .integer, .bigint: true
        default: false
        }
    }

    package var isNumeric: Bool { isExactNumeric || self == .real || self == .double }

    package var isCharacter: Bool {
        switch self {
        case .char, .varchar: true
        default: false
        }
    }

    package var isDatetime: Bool { self == .date || self == .time || self == .timestamp }

    package var isInterval: Bool { self == .intervalDayTime || self == .intervalYearMonth }

    /// The type as SQL writes it (`VARCHAR(4)`, `DECIMAL(8,2)`), as RecordColumns' SqlType and messages print it.
    package var sqlText: String {
        switch self {
        case .boolean: "BOOLEAN"
        case .tinyint: "TINYINT"
        case .smallint: "SMALLINT"
        case .integer: "INTEGER"
        case .bigint: "BIGINT"
        case .decimal(let precision, let scale): "DECIMAL(\(precision),\(scale))"
        case .real: "REAL"
        case .double: "DOUBLE"
        case .char(let length): "CHAR(\(length))"
        case .varchar(let length): "VARCHAR(\(length))"
        case .varbinary(let length): "VARBINARY(\(length))"
        case .date: "DATE"
        case .time: "TIME"
        case .timestamp: "TIMESTAMP"
        case .intervalDayTime: "INTERVAL DAY TO SECOND"
        case .intervalYearMonth: "INTERVAL YEAR TO MONTH"
        case .unknown: "NULL"
        }
    }
}
