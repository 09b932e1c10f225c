import TributaryWire

/// The SQL side of UTC datetime values: splitting milliseconds into days and time of day, and the canonical text of
/// DATE, TIME and TIMESTAMP. Values stay plain counts (days, milliseconds) so no Foundation calendar or time zone is
/// consulted on the hot path; the day arithmetic itself is TributaryWire's `CivilCalendar`.
package enum SQLCalendar {
    package static let millisecondsPerDay: Int64 = CivilCalendar.secondsPerDay * 1000

    /// Splits milliseconds since the epoch into whole days (floored) and milliseconds into that day (0...86_399_999).
    package static func split(milliseconds: Int64) -> (days: Int64, millisecondOfDay: Int64) {
        let days = CivilCalendar.floorDivide(milliseconds, millisecondsPerDay)
        return (days, milliseconds - days * millisecondsPerDay)
    }

    /// `yyyy-MM-dd` (years outside 0...9999 keep their sign and digits).
    package static func dateText(days: Int64) -> String {
        let date = CivilCalendar.civilDate(daysSinceEpoch: days)
        let yearText = date.year < 0 ? "-" + padded(-date.year, 4) : padded(date.year, 4)
        return "\(yearText)-\(padded(date.month, 2))-\(padded(date.day, 2))"
    }

    /// `HH:mm:ss`, followed by `.SSS` when `alwaysMilliseconds` or the milliseconds are not zero.
    package static func timeText(millisecondOfDay: Int64, alwaysMilliseconds: Bool) -> String {
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
    package static func timestampText(milliseconds: Int64) -> String {
        let (days, millisecondOfDay) = split(milliseconds: milliseconds)
        return dateText(days: days) + " " + timeText(millisecondOfDay: millisecondOfDay, alwaysMilliseconds: true)
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A UTC timestamp broken into calendar fields (proleptic Gregorian calendar), and back. Kinesis Data Analytics
/// evaluates every datetime function in UTC, so field arithmetic (FLOOR to MONTH, EXTRACT, date formats) needs only
/// this and no time zone database.
struct CivilDateTime: Equatable, Sendable {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var millisecond: Int64 = 0

    init(year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0,
         millisecond: Int64 = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    init(epochMilliseconds: Int64) {
        let (days, millisecondOfDay) = SQLCalendar.split(milliseconds: epochMilliseconds)
        (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: days)
        var rest = millisecondOfDay
        hour = rest / 3_600_000
        rest %= 3_600_000
        minute = rest / 60_000
        rest %= 60_000
        second = rest / 1000
        millisecond = rest % 1000
    }

    var epochDays: Int64 { CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) }

    var epochMilliseconds: Int64 {
        epochDays * SQLCalendar.millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    }

    /// ISO day of week: 1 = Monday … 7 = Sunday.
    var isoDayOfWeek: Int64 { (CivilCalendar.weekday(daysSinceEpoch: epochDays) + 6) % 7 + 1 }

    /// 1 = January 1st.
    var dayOfYear: Int64 { epochDays - CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1) + 1 }
}
