import TributaryWire

/// Arithmetic with dates, times, timestamps and intervals.
extension SQLOperators {
    /// The result when an operand is a datetime or an interval, nil when both are plain numbers.
    static func temporal(_ op: BinaryOperator, _ left: SQLValue,
                         _ right: SQLValue) throws(SQLEvaluationError) -> SQLValue? {
        switch (op, left, right) {
        // datetime ± interval, interval + datetime
        case (.add, .timestamp, .intervalDayTime), (.add, .timestamp, .intervalYearMonth),
             (.add, .date, .intervalDayTime), (.add, .date, .intervalYearMonth), (.add, .time, .intervalDayTime):
            return try shift(left, by: right, negated: false)
        case (.add, .intervalDayTime, .timestamp), (.add, .intervalYearMonth, .timestamp),
             (.add, .intervalDayTime, .date), (.add, .intervalYearMonth, .date), (.add, .intervalDayTime, .time):
            return try shift(right, by: left, negated: false)
        case (.subtract, .timestamp, .intervalDayTime), (.subtract, .timestamp, .intervalYearMonth),
             (.subtract, .date, .intervalDayTime), (.subtract, .date, .intervalYearMonth),
             (.subtract, .time, .intervalDayTime):
            return try shift(left, by: right, negated: true)
        // datetime - datetime
        case (.subtract, .timestamp(let a), .timestamp(let b)), (.subtract, .time(let a), .time(let b)):
            return .intervalDayTime(milliseconds: try checked(a.subtractingReportingOverflow(b), op, left, right))
        case (.subtract, .date(let a), .date(let b)):
            let days = try checked(a.subtractingReportingOverflow(b), op, left, right)
            return .intervalDayTime(milliseconds: try checked(
                days.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay), op, left, right))
        // interval ± interval
        case (.add, .intervalDayTime(let a), .intervalDayTime(let b)):
            return .intervalDayTime(milliseconds: try checked(a.addingReportingOverflow(b), op, left, right))
        case (.subtract, .intervalDayTime(let a), .intervalDayTime(let b)):
            return .intervalDayTime(milliseconds: try checked(a.subtractingReportingOverflow(b), op, left, right))
        case (.add, .intervalYearMonth(let a), .intervalYearMonth(let b)):
            return .intervalYearMonth(months: try checked(a.addingReportingOverflow(b), op, left, right))
        case (.subtract, .intervalYearMonth(let a), .intervalYearMonth(let b)):
            return .intervalYearMonth(months: try checked(a.subtractingReportingOverflow(b), op, left, right))
        // interval * number, number * interval, interval / number
        case (.multiply, .intervalDayTime, _), (.multiply, .intervalYearMonth, _), (.divide, .intervalDayTime, _),
             (.divide, .intervalYearMonth, _):
            return try scale(left, op, right)
        case (.multiply, _, .intervalDayTime), (.multiply, _, .intervalYearMonth):
            return try scale(right, op, left)
        default:
            if left.doubleValue != nil && right.doubleValue != nil { return nil }
            throw notNumbers(op, left, right)
        }
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool), _ op: BinaryOperator,
                                _ left: SQLValue, _ right: SQLValue) throws(SQLEvaluationError) -> Int64 {
        guard !result.overflow else { throw overflow(expression(op, left, right), .bigint) }
        return result.partialValue
    }

    /// Moves a datetime by an interval. TIME wraps around midnight; DATE moved by a day-time interval keeps the
    /// day the shifted instant falls on; months keep the day of month, clamped to the target month's last day.
    private static func shift(_ datetime: SQLValue, by interval: SQLValue,
                              negated: Bool) throws(SQLEvaluationError) -> SQLValue {
        let op: BinaryOperator = negated ? .subtract : .add
        switch (datetime, interval) {
        case (.timestamp(let time), .intervalDayTime(let amount)):
            let delta = negated ? 0 &- amount : amount
            return .timestamp(milliseconds: try checked(time.addingReportingOverflow(delta), op, datetime, interval))
        case (.date(let days), .intervalDayTime(let amount)):
            let delta = negated ? 0 &- amount : amount
            let start = try checked(days.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay), op,
                                    datetime, interval)
            let moved = try checked(start.addingReportingOverflow(delta), op, datetime, interval)
            return .date(days: SQLCalendar.split(milliseconds: moved).days)
        case (.time(let time), .intervalDayTime(let amount)):
            let delta = (negated ? 0 &- amount : amount) % SQLCalendar.millisecondsPerDay
            let moved = (time + delta) % SQLCalendar.millisecondsPerDay
            return .time(milliseconds: moved < 0 ? moved + SQLCalendar.millisecondsPerDay : moved)
        case (.timestamp(let time), .intervalYearMonth(let months)):
            let (days, millisecondOfDay) = SQLCalendar.split(milliseconds: time)
            let movedDays = addMonths(days, negated ? -months : months)
            let start = try checked(movedDays.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay), op,
                                    datetime, interval)
            return .timestamp(milliseconds: start + millisecondOfDay)
        case (.date(let days), .intervalYearMonth(let months)):
            return .date(days: addMonths(days, negated ? -months : months))
        default:
            throw notNumbers(op, datetime, interval)
        }
    }

    private static func addMonths(_ days: Int64, _ months: Int64) -> Int64 {
        let date = CivilCalendar.civilDate(daysSinceEpoch: days)
        let monthIndex = date.year * 12 + (date.month - 1) + months
        let year = CivilCalendar.floorDivide(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        let day = min(date.day, CivilCalendar.daysIn(month: month, year: year))
        return CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// An interval multiplied or divided by a number; a fractional result is truncated toward zero.
    private static func scale(_ interval: SQLValue, _ op: BinaryOperator,
                              _ factor: SQLValue) throws(SQLEvaluationError) -> SQLValue {
        let count: Int64
        switch interval {
        case .intervalDayTime(let value), .intervalYearMonth(let value): count = value
        default: throw notNumbers(op, interval, factor)
        }
        let result: Int64
        if case .integer(let number) = factor {
            if op == .divide {
                guard number != 0 else { throw divisionByZero }
                result = try checked(count.dividedReportingOverflow(by: number), op, interval, factor)
            } else {
                result = try checked(count.multipliedReportingOverflow(by: number), op, interval, factor)
            }
        } else {
            guard let number = factor.doubleValue else { throw notNumbers(op, interval, factor) }
            if op == .divide && number == 0 { throw divisionByZero }
            let exact = (op == .divide ? Double(count) / number : Double(count) * number).rounded(.towardZero)
            guard exact.isFinite, exact >= -9.2e18, exact <= 9.2e18 else {
                throw overflow(expression(op, interval, factor), .bigint)
            }
            result = Int64(exact)
        }
        if case .intervalYearMonth = interval { return .intervalYearMonth(months: result) }
        return .intervalDayTime(milliseconds: result)
    }
}
