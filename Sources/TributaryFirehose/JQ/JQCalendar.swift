import TributaryWire

/// jq's view of the calendar: English names and the `CivilCalendar` arithmetic under the names the date builtins use
/// (no time zone database: jq's date builtins on AWS run in UTC).
enum JQCalendar {
    static let secondsPerDay: Int64 = 86_400

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Days before the first of each month (0-based month) in a common year and in a leap year.
    static let daysBeforeMonth: [[Int64]] = [
        [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
        [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
    ]

    static func isLeap(_ year: Int64) -> Bool { CivilCalendar.isLeapYear(year) }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 { CivilCalendar.floorDivide(value, divisor) }

    static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 { CivilCalendar.floorModulo(value, divisor) }

    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        CivilCalendar.civilDate(daysSinceEpoch: days)
    }

    static func weekday(daysSinceEpoch days: Int64) -> Int64 { CivilCalendar.weekday(daysSinceEpoch: days) }
}
