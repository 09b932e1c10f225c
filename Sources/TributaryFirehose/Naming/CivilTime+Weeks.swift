/// The week-based fields of Java's default (US) week definition: weeks start on Sunday and week 1 is the week that
/// holds January 1st (minimal days 1). Firehose's formatter uses the JVM's default locale, taken here to be en_US.
extension CivilTime {
    /// 1 for Sunday through 7 for Saturday (pattern letters `e` and `c`).
    var sundayBasedDayOfWeek: Int { Self.sundayBasedDayOfWeek(epochDay: epochDay) }

    /// Java's ALIGNED_DAY_OF_WEEK_IN_MONTH (pattern letter `F`): 1 on the 1st, 8th, 15th…
    var alignedDayOfWeekInMonth: Int { (day - 1) % 7 + 1 }

    /// Week of the month, week 1 holding the 1st (pattern letter `W`).
    var weekOfMonth: Int {
        let firstDayOfWeek = Self.sundayBasedDayOfWeek(epochDay: epochDay - (day - 1))
        return (day - 1 + firstDayOfWeek - 1) / 7 + 1
    }

    /// The week-based year and week (pattern letters `Y` and `w`): the last days of December belong to week 1 of
    /// the next year when their week holds the next January 1st.
    var weekBasedYearAndWeek: (year: Int, week: Int) {
        let endOfWeekDayOfYear = dayOfYear + (7 - sundayBasedDayOfWeek)
        if endOfWeekDayOfYear > Self.daysIn(year: year) { return (year + 1, 1) }
        let januaryFirstDayOfWeek = Self.sundayBasedDayOfWeek(epochDay: epochDay - (dayOfYear - 1))
        return (year, (dayOfYear - 1 + januaryFirstDayOfWeek - 1) / 7 + 1)
    }

    static func sundayBasedDayOfWeek(epochDay: Int) -> Int {
        // 1970-01-01 was a Thursday, day 5 counted from Sunday.
        Int(floorModulo(Int64(epochDay) + 4, 7)) + 1
    }
}
