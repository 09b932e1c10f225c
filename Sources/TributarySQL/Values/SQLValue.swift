import Foundation

/// One value of a row: what columns hold, expressions compute and operators compare.
///
/// It is deliberately small and flat so rows are cheap arrays of it. All exact integer types share `.integer`
/// (the column's `SQLType` says which); times are milliseconds, the precision Kinesis Data Analytics keeps:
/// TIMESTAMP since 1970-01-01T00:00:00 UTC, TIME since midnight, DATE in days since 1970-01-01.
public enum SQLValue: Equatable, Hashable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case decimal(Decimal)
    /// REAL and DOUBLE (REAL values are rounded to Float precision when stored in a REAL column).
    case double(Double)
    /// CHAR and VARCHAR.
    case string(String)
    case binary([UInt8])
    case date(days: Int64)
    case time(milliseconds: Int64)
    case timestamp(milliseconds: Int64)
    /// A day-time interval in milliseconds.
    case intervalDayTime(milliseconds: Int64)
    /// A year-month interval in months.
    case intervalYearMonth(months: Int64)

    package var isNull: Bool { self == .null }
}
