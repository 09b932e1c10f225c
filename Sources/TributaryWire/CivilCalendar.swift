/// Proleptic Gregorian calendar arithmetic on day counts from 1970-01-01, in UTC, without Foundation.
///
/// It exists once for everything that turns times into dates by hand (SigV4 timestamps, S3 object prefixes, jq's
/// date builtins), because those must agree with AWS to the day for any year, and Foundation's calendars are slow and
/// depend on the process's time zone. Uses Howard Hinnant's era-based `days_from_civil` / `civil_from_days`, which
/// count years from March so that the leap day ends a counted year; exact for negative days and years too.
public enum CivilCalendar {
    public static let secondsPerDay: Int64 = 86_400

    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 28…31.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value` divided by `divisor`, rounded toward negative infinity (`divisor` > 0).
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    public static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }

    /// Days from 1970-01-01 to `year`-`month`-`day` (`month` 1…12; a `day` past the month's end counts on from its
    /// first day, as C's `timegm` does).
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + (day - 1)
    }

    /// The date of a day count from 1970-01-01: year, month (1…12), day of month (1…31).
    public static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Day of the week, 0 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(daysSinceEpoch days: Int64) -> Int64 {
        floorModulo(days + 4, 7)
    }
}
