import Foundation

extension SQLValue {
    /// SQL comparison: -1, 0 or 1, nil when either side is NULL (the comparison is UNKNOWN) or when the two values
    /// are of kinds that do not compare (the binder rejects those before evaluation).
    ///
    /// Numbers compare by value across INTEGER, DECIMAL and DOUBLE (`1 = 1.0`), exactly between integers and
    /// doubles; NaN is greater than every number and equal to itself, as Java orders doubles. Strings compare by
    /// Unicode code points with no collation and no trailing-space padding: a CHAR column's value is compared as
    /// stored, padded to its length (cast one side to make CHAR and VARCHAR meet). Booleans order FALSE < TRUE,
    /// binary strings byte by byte, a DATE with a TIMESTAMP as midnight of that day.
    package func compare(_ other: SQLValue) -> Int? {
        switch (self, other) {
        case (.null, _), (_, .null):
            return nil
        case (.integer(let a), .integer(let b)):
            return Self.order(a, b)
        case (.double(let a), .double(let b)):
            return Self.compareDoubles(a, b)
        case (.decimal(let a), .decimal(let b)):
            return Self.order(a, b)
        case (.integer(let a), .decimal(let b)):
            return Self.order(Decimal(a), b)
        case (.decimal(let a), .integer(let b)):
            return Self.order(a, Decimal(b))
        case (.integer(let a), .double(let b)):
            return Self.compareIntegerToDouble(a, b)
        case (.double(let a), .integer(let b)):
            return -Self.compareIntegerToDouble(b, a)
        case (.decimal(let a), .double(let b)):
            return Self.compareDoubles(SQLNumericLimits.double(from: a), b)
        case (.double(let a), .decimal(let b)):
            return Self.compareDoubles(a, SQLNumericLimits.double(from: b))
        case (.string(let a), .string(let b)):
            return Self.compareCodePoints(a, b)
        case (.boolean(let a), .boolean(let b)):
            return Self.order(a ? 1 : 0, b ? 1 : 0)
        case (.binary(let a), .binary(let b)):
            return a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)):
            return Self.order(a, b)
        case (.time(let a), .time(let b)), (.timestamp(let a), .timestamp(let b)),
             (.intervalDayTime(let a), .intervalDayTime(let b)):
            return Self.order(a, b)
        case (.date(let a), .timestamp(let b)):
            return Self.order(a.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay).partialValue, b)
        case (.timestamp(let a), .date(let b)):
            return Self.order(a, b.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay).partialValue)
        case (.intervalYearMonth(let a), .intervalYearMonth(let b)):
            return Self.order(a, b)
        default:
            return nil
        }
    }

    /// A total order for ORDER BY and sorted state: NULL sorts first when `nullsFirst` (last otherwise), values of
    /// kinds that do not compare fall back to a fixed order of kinds so sorting never traps.
    package func orderingCompare(_ other: SQLValue, nullsFirst: Bool) -> Int {
        switch (isNull, other.isNull) {
        case (true, true): return 0
        case (true, false): return nullsFirst ? -1 : 1
        case (false, true): return nullsFirst ? 1 : -1
        case (false, false):
            return compare(other) ?? Self.order(kindRank, other.kindRank)
        }
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .boolean: 1
        case .integer, .decimal, .double: 2
        case .string: 3
        case .binary: 4
        case .date, .timestamp: 5
        case .time: 6
        case .intervalDayTime: 7
        case .intervalYearMonth: 8
        }
    }

    static func order<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }

    /// Java's `Double.compare` without the signed-zero distinction: NaN above everything, NaN equal to NaN.
    static func compareDoubles(_ a: Double, _ b: Double) -> Int {
        switch (a.isNaN, b.isNaN) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return order(a, b)
        }
    }

    /// Exact comparison of an Int64 with a Double (no rounding of the integer to 53 bits).
    static func compareIntegerToDouble(_ a: Int64, _ b: Double) -> Int {
        if b.isNaN { return -1 }
        if b >= 9_223_372_036_854_775_808.0 { return -1 }
        if b < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = b.rounded(.down)
        let integer = Int64(whole)
        if a != integer { return order(a, integer) }
        return b > whole ? -1 : 0
    }

    static func compareCodePoints(_ a: String, _ b: String) -> Int {
        var left = a.unicodeScalars.makeIterator()
        var right = b.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?):
                if x != y { return x.value < y.value ? -1 : 1 }
            }
        }
    }
}
