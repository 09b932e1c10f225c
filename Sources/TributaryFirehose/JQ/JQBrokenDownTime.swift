/// jq's "broken down time": `[year, month (0-11), day, hours, minutes, seconds, weekday (0 = Sunday), day of year
/// (0-based)]`, the array `gmtime` and `strptime` make and `mktime` and `strftime` read.
///
/// Fields are C `int`s as in jq 1.6's `struct tm`: reading an array converts each number as C does (toward zero,
/// out of range becoming `Int32.min`), so odd inputs give jq's odd results rather than a crash.
struct JQBrokenDownTime: Equatable {
    var year: Int64 = 1900
    var month: Int64 = 0
    var day: Int64 = 0
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var weekday: Int64 = 0
    var yearDay: Int64 = 0

    init() {}

    /// The fields of a jq array: at least 8 elements, the first 8 numbers; nil otherwise.
    init?(_ value: JQValue) {
        guard case .array(let array) = value, array.count >= 8 else { return nil }
        var fields: [Int64] = []
        for element in array.elements.prefix(8) {
            guard case .number(let number) = element else { return nil }
            fields.append(Self.cInteger(number))
        }
        (year, month, day, hour, minute, second, weekday, yearDay) =
            (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7])
    }

    /// C's conversion of a double to `int` on x86-64: toward zero, NaN and out of range giving `Int32.min`.
    static func cInteger(_ number: Double) -> Int64 {
        guard number.isFinite, number > -2_147_483_649, number < 2_147_483_648 else { return Int64(Int32.min) }
        return Int64(number.rounded(.towardZero))
    }

    /// `gmtime_r` of a whole number of seconds; nil when the year does not fit a C `int` (as glibc fails).
    init?(secondsSinceEpoch seconds: Int64) {
        let days = JQCalendar.floorDivide(seconds, JQCalendar.secondsPerDay)
        let secondOfDay = seconds - days * JQCalendar.secondsPerDay
        let (civilYear, civilMonth, civilDay) = JQCalendar.civilDate(daysSinceEpoch: days)
        guard civilYear - 1900 >= Int64(Int32.min), civilYear - 1900 <= Int64(Int32.max) else { return nil }
        year = civilYear
        month = civilMonth - 1
        day = civilDay
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = JQCalendar.weekday(daysSinceEpoch: days)
        yearDay = JQCalendar.daysBeforeMonth[JQCalendar.isLeap(civilYear) ? 1 : 0][Int(month)] + civilDay - 1
    }

    /// `timegm`: seconds since the epoch, out-of-range fields carrying into the next (month 14 is February of the
    /// next year, day 0 the last day of the previous month).
    var secondsSinceEpoch: Int64 {
        let wholeYear = year + JQCalendar.floorDivide(month, 12)
        let monthInYear = JQCalendar.floorModulo(month, 12)
        let days = JQCalendar.daysSinceEpoch(year: wholeYear, month: monthInYear + 1, day: 1) + day - 1
        return days * JQCalendar.secondsPerDay + hour * 3600 + minute * 60 + second
    }

    /// The jq array, with `secondFraction` added to the seconds (gmtime keeps the fraction of its input).
    func value(secondFraction: Double = 0) -> JQValue {
        let fields = [year, month, day, hour, minute].map { JQValue.number(Double($0)) }
            + [.number(Double(second) + secondFraction), .number(Double(weekday)), .number(Double(yearDay))]
        return .array(JQArray(fields))
    }
}
