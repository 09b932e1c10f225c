import TributaryWire

/// Readers for the text forms of DATE, TIME, TIMESTAMP and interval values, returning the counts `SQLValue` keeps
/// (days, milliseconds, months) or nil when the text is not of that form or names an impossible day or time. Values
/// read from data are taken leniently (`date`, `time`, `timestamp`); the DATE, TIME and TIMESTAMP literals of SQL
/// text have stricter forms (`dateLiteral`, `timeLiteral`, `timestampLiteral`). Fractions finer than a millisecond
/// are truncated, as the engine keeps millisecond precision.
enum SQLDatetimeSyntax {
    /// `yyyy-MM-dd` (a leading `-` for years before 0; month and day may have one digit).
    static func date(_ text: String) -> Int64? {
        var cursor = Cursor(text)
        guard let days = cursor.date(), cursor.isAtEnd else { return nil }
        return days
    }

    /// `HH:mm[:ss[.fff]]`, milliseconds since midnight.
    static func time(_ text: String) -> Int64? {
        var cursor = Cursor(text)
        guard let milliseconds = cursor.time(), cursor.isAtEnd else { return nil }
        return milliseconds
    }

    /// `yyyy-MM-dd[( |T)HH:mm[:ss[.fff]]][Z]`, milliseconds since the epoch.
    static func timestamp(_ text: String) -> Int64? {
        var cursor = Cursor(text)
        guard let days = cursor.date() else { return nil }
        var millisecondOfDay: Int64 = 0
        if cursor.take(" ") || cursor.take("T") {
            guard let time = cursor.time() else { return nil }
            millisecondOfDay = time
        }
        _ = cursor.take("Z")
        guard cursor.isAtEnd else { return nil }
        let (product, overflow) = days.multipliedReportingOverflow(by: SQLCalendar.millisecondsPerDay)
        guard !overflow else { return nil }
        return product.addingReportingOverflow(millisecondOfDay).overflow ? nil : product + millisecondOfDay
    }

    /// The text of a DATE literal: `yyyy-MM-dd` with exactly four year digits and no sign (month and day may have one
    /// digit); spaces around it are ignored.
    static func dateLiteral(_ text: String) -> Int64? {
        var cursor = Cursor(text.trimmingSQLSpaces())
        guard let days = cursor.date(literal: true), cursor.isAtEnd else { return nil }
        return days
    }

    /// The text of a TIME literal: `HH:mm:ss[.fff]` (the hour may have one digit; seconds are required); spaces
    /// around it are ignored.
    static func timeLiteral(_ text: String) -> Int64? {
        var cursor = Cursor(text.trimmingSQLSpaces())
        guard let milliseconds = cursor.time(requiringSeconds: true), cursor.isAtEnd else { return nil }
        return milliseconds
    }

    /// The text of a TIMESTAMP literal: a DATE literal and a TIME literal separated by one or more spaces.
    static func timestampLiteral(_ text: String) -> Int64? {
        var cursor = Cursor(text.trimmingSQLSpaces())
        guard let days = cursor.date(literal: true), cursor.take(" ") else { return nil }
        while cursor.take(" ") {}
        guard let millisecondOfDay = cursor.time(requiringSeconds: true), cursor.isAtEnd else { return nil }
        return days * SQLCalendar.millisecondsPerDay + millisecondOfDay
    }

    /// `[+|-][d ]HH:mm[:ss[.fff]]`, in milliseconds (hours may exceed 23 when no day is given).
    static func dayTimeInterval(_ text: String) -> Int64? {
        var cursor = Cursor(text)
        let negative = cursor.sign()
        var days: Int64 = 0
        let save = cursor
        if let value = cursor.number(maxDigits: 9), cursor.take(" ") {
            days = value
        } else {
            cursor = save
        }
        guard let hours = cursor.number(maxDigits: 9), cursor.take(":"),
              let minutes = cursor.number(exactDigits: 2), minutes < 60
        else { return nil }
        var seconds: Int64 = 0
        var fraction: Int64 = 0
        if cursor.take(":") {
            guard let value = cursor.number(exactDigits: 2), value < 60 else { return nil }
            seconds = value
            if cursor.take(".") {
                guard let value = cursor.milliseconds() else { return nil }
                fraction = value
            }
        }
        guard cursor.isAtEnd else { return nil }
        let magnitude = ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000 + fraction
        return negative ? -magnitude : magnitude
    }

    /// `[+|-]y[-m]`, in months.
    static func yearMonthInterval(_ text: String) -> Int64? {
        var cursor = Cursor(text)
        let negative = cursor.sign()
        guard let years = cursor.number(maxDigits: 9) else { return nil }
        var months: Int64 = 0
        if cursor.take("-") {
            guard let value = cursor.number(maxDigits: 2), value < 12 else { return nil }
            months = value
        }
        guard cursor.isAtEnd else { return nil }
        let magnitude = years * 12 + months
        return negative ? -magnitude : magnitude
    }

    /// A position in the UTF-8 bytes of the text being read.
    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) {
            bytes = Array(text.utf8)
        }

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Consumes an optional `+` or `-` and says whether it was `-`.
        mutating func sign() -> Bool {
            if take("-") { return true }
            _ = take("+")
            return false
        }

        mutating func number(maxDigits: Int) -> Int64? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, count < maxDigits,
                  bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return count == 0 ? nil : value
        }

        mutating func number(exactDigits: Int) -> Int64? {
            let start = index
            guard let value = number(maxDigits: exactDigits), index - start == exactDigits else { return nil }
            return value
        }

        /// Fraction digits after a decimal point, as milliseconds (digits beyond the third are dropped).
        mutating func milliseconds() -> Int64? {
            let start = index
            var value: Int64 = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                if index - start < 3 {
                    value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                }
                index += 1
            }
            let count = index - start
            guard count > 0 else { return nil }
            for _ in count..<max(count, 3) { value *= 10 }
            return value
        }

        /// `[-]y…y-M[M]-d[d]` with up to nine year digits, or with `literal` exactly four and no sign.
        mutating func date(literal: Bool = false) -> Int64? {
            let negative = !literal && take("-")
            guard let year = literal ? number(exactDigits: 4) : number(maxDigits: 9), take("-"),
                  let month = number(maxDigits: 2), take("-"),
                  let day = number(maxDigits: 2)
            else { return nil }
            let signedYear = negative ? -year : year
            guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: signedYear)
            else { return nil }
            return CivilCalendar.daysSinceEpoch(year: signedYear, month: month, day: day)
        }

        /// `H[H]:mm[:ss[.f…]]`; the seconds may be left out unless `requiringSeconds`.
        mutating func time(requiringSeconds: Bool = false) -> Int64? {
            guard let hours = number(maxDigits: 2), hours < 24, take(":"),
                  let minutes = number(exactDigits: 2), minutes < 60
            else { return nil }
            var seconds: Int64 = 0
            var fraction: Int64 = 0
            if take(":") {
                guard let value = number(exactDigits: 2), value < 60 else { return nil }
                seconds = value
                if take(".") {
                    guard let value = milliseconds() else { return nil }
                    fraction = value
                }
            } else if requiringSeconds {
                return nil
            }
            return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction
        }
    }
}
