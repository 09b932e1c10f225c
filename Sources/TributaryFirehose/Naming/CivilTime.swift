import Foundation
import TributaryWire

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

    static func isLeap(_ year: Int) -> Bool { CivilCalendar.isLeapYear(Int64(year)) }

    static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }

    static func civilDate(epochDay: Int) -> (year: Int, month: Int, day: Int) {
        let date = CivilCalendar.civilDate(daysSinceEpoch: Int64(epochDay))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    static func epochDay(year: Int, month: Int, day: Int) -> Int {
        Int(CivilCalendar.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 { CivilCalendar.floorDivide(value, divisor) }

    static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 { CivilCalendar.floorModulo(value, divisor) }
}
