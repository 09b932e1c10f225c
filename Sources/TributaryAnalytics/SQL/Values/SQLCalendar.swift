/// Proleptic Gregorian calendar arithmetic in UTC, shared by text parsing, text rendering and casts of DATE, TIME and
/// TIMESTAMP. It exists so values stay plain counts (days, milliseconds) and no Foundation calendar or time zone is
/// consulted on the hot path.
public enum SQLCalendar {
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// A calendar day: year (may be negative or above 9999), month 1...12, day 1...31.
    public struct CivilDate: Equatable, Sendable {
        public var year: Int64
        public var month: Int64
        public var day: Int64

        public init(year: Int64, month: Int64, day: Int64) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    /// Days since 1970-01-01 of a calendar day (Howard Hinnant's days-from-civil).
    public static func days(from date: CivilDate) -> Int64 {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar day of a count of days since 1970-01-01.
    public static func civilDate(fromDays days: Int64) -> CivilDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CivilDate(year: year, month: month, day: day)
    }

    public static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Splits milliseconds since the epoch into whole days (floored) and milliseconds into that day (0...86_399_999).
    public static func split(milliseconds: Int64) -> (days: Int64, millisecondOfDay: Int64) {
        let days = floorDivide(milliseconds, millisecondsPerDay)
        return (days, milliseconds - days * millisecondsPerDay)
    }

    /// Division rounding toward negative infinity.
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// `yyyy-MM-dd` (years outside 0...9999 keep their sign and digits).
    public static func dateText(days: Int64) -> String {
        let date = civilDate(fromDays: days)
        let yearText = date.year < 0 ? "-" + padded(-date.year, 4) : padded(date.year, 4)
        return "\(yearText)-\(padded(date.month, 2))-\(padded(date.day, 2))"
    }

    /// `HH:mm:ss`, followed by `.SSS` when `alwaysMilliseconds` or the milliseconds are not zero.
    public static func timeText(millisecondOfDay: Int64, alwaysMilliseconds: Bool) -> String {
        let hours = millisecondOfDay / 3_600_000
        let minutes = millisecondOfDay / 60_000 % 60
        let seconds = millisecondOfDay / 1000 % 60
        let milliseconds = millisecondOfDay % 1000
        var text = "\(padded(hours, 2)):\(padded(minutes, 2)):\(padded(seconds, 2))"
        if alwaysMilliseconds || milliseconds != 0 {
            text += "." + padded(milliseconds, 3)
        }
        return text
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS`.
    public static func timestampText(milliseconds: Int64) -> String {
        let (days, millisecondOfDay) = split(milliseconds: milliseconds)
        return dateText(days: days) + " " + timeText(millisecondOfDay: millisecondOfDay, alwaysMilliseconds: true)
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
