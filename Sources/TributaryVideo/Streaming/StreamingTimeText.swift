import TributaryWire

/// The ways playlists and manifests write times: UTC date-times (EXT-X-PROGRAM-DATE-TIME, MPD
/// availabilityStartTime and publishTime), decimal seconds (EXTINF) and xs:duration (MPD durations), all to the
/// millisecond, from integer milliseconds so no floating-point rounding shows.
enum StreamingTimeText {
    /// `2024-09-18T16:41:27.758Z` for milliseconds since 1970.
    static func dateTime(ms: Int64) -> String {
        let days = CivilCalendar.floorDivide(ms, CivilCalendar.secondsPerDay * 1000)
        let dayMs = ms - days * CivilCalendar.secondsPerDay * 1000
        let date = CivilCalendar.civilDate(daysSinceEpoch: days)
        return "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
            + "T\(padded(dayMs / 3_600_000, 2)):\(padded(dayMs / 60_000 % 60, 2)):\(padded(dayMs / 1000 % 60, 2))"
            + ".\(padded(dayMs % 1000, 3))Z"
    }

    /// `2.002` for 2,002 milliseconds (negative values are written as 0).
    static func seconds(ms: Int64) -> String {
        let ms = max(ms, 0)
        return "\(ms / 1000).\(padded(ms % 1000, 3))"
    }

    /// `PT2.002S` for 2,002 milliseconds: seconds only, which xs:duration allows beyond 60.
    static func duration(ms: Int64) -> String {
        "PT\(seconds(ms: ms))S"
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
