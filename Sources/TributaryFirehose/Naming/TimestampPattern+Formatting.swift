/// Printing a parsed pattern for one instant, field by field as Java prints them.
extension TimestampPattern {
    func format(_ time: CivilTime) -> String {
        var output = ""
        for element in elements {
            switch element {
            case .literal(let text):
                output += text
            case .field(let letter, let count, let padWidth):
                let text = Self.text(letter: letter, count: count, time: time)
                // Java refuses to print a field wider than its pad; printing it unpadded keeps delivery going.
                let padding = padWidth - text.unicodeScalars.count
                if padding > 0 { output += String(repeating: " ", count: padding) }
                output += text
            }
        }
        return output
    }

    private static func text(letter: Unicode.Scalar, count: Int, time: CivilTime) -> String {
        let width = EnglishCalendarNames.Width(letterCount: count)
        switch letter {
        case "G": return EnglishCalendarNames.era(width: width)
        case "y", "u": return year(time.year, count: count)
        case "Y": return year(time.weekBasedYearAndWeek.year, count: count)
        case "M", "L":
            return count <= 2 ? number(time.month, width: count) : EnglishCalendarNames.month(time.month, width: width)
        case "Q", "q":
            let quarter = (time.month - 1) / 3 + 1
            return count <= 2 ? number(quarter, width: count) : EnglishCalendarNames.quarter(quarter, width: width)
        case "D": return number(time.dayOfYear, width: count)
        case "d": return number(time.day, width: count)
        case "F": return number(time.alignedDayOfWeekInMonth, width: count)
        case "E": return EnglishCalendarNames.day(time.isoDayOfWeek, width: width)
        case "e", "c":
            return count <= 2 ? number(time.sundayBasedDayOfWeek, width: count)
                : EnglishCalendarNames.day(time.isoDayOfWeek, width: width)
        case "a": return time.hour < 12 ? "AM" : "PM"
        case "B": return EnglishCalendarNames.dayPeriod(minuteOfDay: time.hour * 60 + time.minute, width: width)
        case "H": return number(time.hour, width: count)
        case "k": return number(time.hour == 0 ? 24 : time.hour, width: count)
        case "K": return number(time.hour % 12, width: count)
        case "h": return number(time.hour % 12 == 0 ? 12 : time.hour % 12, width: count)
        case "m": return number(time.minute, width: count)
        case "s": return number(time.second, width: count)
        case "S": return String(number(time.nanosecond, width: 9).prefix(count))
        case "A": return number(time.milliOfDay, width: count)
        case "n": return number(time.nanosecond, width: count)
        case "N": return number(time.nanoOfDay, width: count)
        case "g": return number(time.epochDay + modifiedJulianDayOfEpoch, width: count)
        case "w": return number(time.weekBasedYearAndWeek.week, width: count)
        case "W": return number(time.weekOfMonth, width: count)
        default: return zoneText(letter: letter, count: count, time: time)
        }
    }

    /// The Modified Julian Day of 1970-01-01.
    private static let modifiedJulianDayOfEpoch = 40_587

    /// Two letters print the last two digits; other counts the whole year, zero-padded to the count. Years are
    /// clamped to 1...9999 (`NamingLimits`), so Java's sign for years wider than the pad never arises.
    private static func year(_ year: Int, count: Int) -> String {
        count == 2 ? number(year % 100, width: 2) : number(year, width: count)
    }

    /// A decimal number zero-padded to `width` digits, with a leading minus when negative.
    static func number(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
