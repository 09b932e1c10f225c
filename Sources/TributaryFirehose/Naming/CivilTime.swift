import Foundation

/// One instant broken into the calendar fields Java's `ZonedDateTime` exposes, in the proleptic Gregorian (ISO)
/// calendar, at a fixed zone.
///
/// It exists because Firehose evaluates prefixes with Java's DateTimeFormatter: the fields are computed here from
/// the epoch with integer arithmetic (no `Calendar`, no process time zone), so a render depends only on the instant
/// and the configured zone. A nil zone means UTC, Firehose's default.
struct CivilTime: Sendable, Equatable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    let nanosecond: Int
    /// Days since 1970-01-01 of the local date (in the zone, not UTC).
    let epochDay: Int
    /// The zone's offset from UTC at this instant.
    let offsetSeconds: Int
    /// The zone, nil for UTC; kept for zone names, which only some patterns print.
    let timeZone: TimeZone?
    /// The instant itself, clamped to `NamingLimits`; zone names depend on it (daylight saving).
    let instant: Date

    init(_ date: Date, timeZone: TimeZone?) {
        let rawSeconds = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let seconds = min(max(rawSeconds, NamingLimits.epochSecondsMin), NamingLimits.epochSecondsMax)
        instant = Date(timeIntervalSince1970: seconds)
        self.timeZone = timeZone
        offsetSeconds = timeZone?.secondsFromGMT(for: instant) ?? 0
        let microseconds = Int64((seconds * 1_000_000).rounded()) + Int64(offsetSeconds) * 1_000_000
        let localSeconds = Self.floorDivide(microseconds, 1_000_000)
        nanosecond = Int(microseconds - localSeconds * 1_000_000) * 1000
        let days = Self.floorDivide(localSeconds, 86_400)
        let secondOfDay = Int(localSeconds - days * 86_400)
        epochDay = Int(days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        (year, month, day) = Self.civilDate(epochDay: epochDay)
    }

    /// 1 for January 1st.
    var dayOfYear: Int { epochDay - Self.epochDay(year: year, month: 1, day: 1) + 1 }

    /// ISO day of week: 1 is Monday, 7 is Sunday.
    var isoDayOfWeek: Int { Int(Self.floorModulo(Int64(epochDay) + 3, 7)) + 1 }

    /// Milliseconds since local midnight.
    var milliOfDay: Int { (hour * 3600 + minute * 60 + second) * 1000 + nanosecond / 1_000_000 }

    /// Nanoseconds since local midnight.
    var nanoOfDay: Int { (hour * 3600 + minute * 60 + second) * 1_000_000_000 + nanosecond }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// The local date of an epoch day (Howard Hinnant's `civil_from_days`).
    static func civilDate(epochDay: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = epochDay + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The epoch day of a date (Howard Hinnant's `days_from_civil`).
    static func epochDay(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }
}
