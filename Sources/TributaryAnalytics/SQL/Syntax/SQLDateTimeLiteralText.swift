/// Reads the text of DATE, TIME and TIMESTAMP literals (`'2024-01-02'`, `'12:34:56.789'`,
/// `'2024-01-02 03:04:05.678'`) into the numbers `SQLValue` keeps: days since 1970-01-01, and milliseconds since
/// midnight or since the epoch (UTC). Fractions finer than a millisecond are truncated, as the engine keeps
/// millisecond precision.
enum SQLDateTimeLiteralText {
    static func date(_ text: String) -> Int64? {
        let parts = text.trimmingSQLSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let year = number(parts[0]), let month = number(parts[1]), let day = number(parts[2]),
              (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day)
    }

    static func time(_ text: String) -> Int64? {
        let parts = text.trimmingSQLSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count == 2,
              let hour = number(parts[0]), let minute = number(parts[1]), hour < 24, minute < 60
        else { return nil }
        let secondParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard secondParts[0].count == 2, let second = number(secondParts[0]), second < 60 else { return nil }
        var milliseconds: Int64 = 0
        if secondParts.count == 2 {
            let fractionDigits = secondParts[1]
            guard !fractionDigits.isEmpty, fractionDigits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            var fraction = String(fractionDigits.prefix(3))
            while fraction.count < 3 { fraction += "0" }
            milliseconds = Int64(fraction) ?? 0
        }
        return ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds
    }

    static func timestamp(_ text: String) -> Int64? {
        let parts = text.trimmingSQLSpaces().split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let days = date(String(parts[0])), let milliseconds = time(String(parts[1]))
        else { return nil }
        return days * 86_400_000 + milliseconds
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ digits: Substring) -> Int64? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }
}
