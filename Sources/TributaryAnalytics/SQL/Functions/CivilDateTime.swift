/// A UTC timestamp broken into calendar fields (proleptic Gregorian calendar), and back. Kinesis Data Analytics
/// evaluates every datetime function in UTC, so field arithmetic (FLOOR to MONTH, EXTRACT, date formats) needs only
/// this and no time zone database.
struct CivilDateTime: Equatable, Sendable {
    static let millisecondsPerDay: Int64 = 86_400_000

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
        let days = IntegerMath.floorDiv(epochMilliseconds, Self.millisecondsPerDay)
        var rest = IntegerMath.floorMod(epochMilliseconds, Self.millisecondsPerDay)
        (year, month, day) = Self.civil(fromDays: days)
        hour = rest / 3_600_000
        rest %= 3_600_000
        minute = rest / 60_000
        rest %= 60_000
        second = rest / 1000
        millisecond = rest % 1000
    }

    var epochDays: Int64 { Self.days(year: year, month: month, day: day) }

    var epochMilliseconds: Int64 {
        epochDays * Self.millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    }

    /// ISO day of week: 1 = Monday … 7 = Sunday.
    var isoDayOfWeek: Int64 { IntegerMath.floorMod(epochDays + 3, 7) + 1 }

    /// 1 = January 1st.
    var dayOfYear: Int64 { epochDays - Self.days(year: year, month: 1, day: 1) + 1 }

    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a calendar date (month 1…12).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = IntegerMath.floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a number of days since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = IntegerMath.floorDiv(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
