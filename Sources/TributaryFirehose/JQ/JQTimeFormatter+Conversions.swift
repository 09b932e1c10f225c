/// The conversions of `JQTimeFormatter`, with glibc's padding: numbers have a default width (zeros, or spaces for
/// `%e %k %l`) that counts a minus sign; names and other text are padded with spaces on the left only when a width
/// is given.
extension JQTimeFormatter {
    /// Writes one conversion; false for an unknown letter.
    mutating func convert(_ letter: Unicode.Scalar, _ specification: Specification) -> Bool {
        let time = self.time
        switch letter {
        case "a", "A", "b", "B", "h":
            let isWeekday = letter == "a" || letter == "A"
            let index = isWeekday ? time.weekday : time.month
            let names = isWeekday ? JQCalendar.weekdayNames : JQCalendar.monthNames
            var name = (0 ..< Int64(names.count)).contains(index) ? names[Int(index)] : "?"
            if letter == "a" || letter == "b" || letter == "h", name != "?" { name = String(name.prefix(3)) }
            writeText(name, specification, swapUppercases: true)
        case "p", "P":
            let text = time.hour >= 12 ? "PM" : "AM"
            writeText(letter == "P" ? text.lowercased() : text, specification, swapUppercases: false)
        case "Z": writeText("UTC", specification, swapUppercases: false)
        case "z": writeText("+0000", specification, swapUppercases: false)
        case "n": writeText("\n", specification, swapUppercases: false)
        case "t": writeText("\t", specification, swapUppercases: false)
        case "%": writeText("%", specification, swapUppercases: false)
        case "c": writeComposite("%a %b %e %H:%M:%S %Y", specification)
        case "D", "x": writeComposite("%m/%d/%y", specification)
        case "F": writeComposite("%Y-%m-%d", specification)
        case "r": writeComposite("%I:%M:%S %p", specification)
        case "R": writeComposite("%H:%M", specification)
        case "T", "X": writeComposite("%H:%M:%S", specification)
        default:
            guard let (number, digits, padding) = numericField(letter) else { return false }
            writeNumber(number, digits: digits, defaultPadding: padding, specification)
        }
        return true
    }

    /// The value, default width and default padding of a numeric conversion.
    private func numericField(_ letter: Unicode.Scalar) -> (Int64, Int, Character)? {
        let time = self.time
        let twelveHour = time.hour % 12 == 0 ? 12 : time.hour % 12
        switch letter {
        case "C": return (JQCalendar.floorDivide(time.year, 100), 1, "0")
        case "d": return (time.day, 2, "0")
        case "e": return (time.day, 2, " ")
        case "H": return (time.hour, 2, "0")
        case "k": return (time.hour, 2, " ")
        case "I": return (twelveHour, 2, "0")
        case "l": return (twelveHour, 2, " ")
        case "j": return (time.yearDay + 1, 3, "0")
        case "m": return (time.month + 1, 2, "0")
        case "M": return (time.minute, 2, "0")
        case "S": return (time.second, 2, "0")
        case "s": return (time.secondsSinceEpoch, 1, "0")
        case "u": return (time.weekday == 0 ? 7 : time.weekday, 1, "0")
        case "w": return (time.weekday, 1, "0")
        case "U": return ((time.yearDay - time.weekday + 7) / 7, 2, "0")
        case "W": return ((time.yearDay - (time.weekday - 1 + 7) % 7 + 7) / 7, 2, "0")
        case "y": return (JQCalendar.floorModulo(time.year, 100), 2, "0")
        case "Y": return (time.year, 1, "0")
        case "G", "g", "V":
            let (isoYear, week) = isoWeek()
            switch letter {
            case "G": return (isoYear, 1, "0")
            case "g": return (JQCalendar.floorModulo(isoYear, 100), 2, "0")
            default: return (week, 2, "0")
            }
        default: return nil
        }
    }

    /// The ISO 8601 week-numbering year and week, from the day of year and weekday as given (glibc's method).
    private func isoWeek() -> (year: Int64, week: Int64) {
        func weekDays(_ yearDay: Int64) -> Int64 {
            // Days since the Monday of the week holding the year's first Thursday; negative before it.
            let bigEnoughMultipleOfSeven: Int64 = (366 / 7 + 2) * 7
            return yearDay - (yearDay - time.weekday + 4 + bigEnoughMultipleOfSeven) % 7 + 3
        }
        var year = time.year
        var days = weekDays(time.yearDay)
        if days < 0 {
            year -= 1
            days = weekDays(time.yearDay + (JQCalendar.isLeap(year) ? 366 : 365))
        } else {
            let next = weekDays(time.yearDay - (JQCalendar.isLeap(year) ? 366 : 365))
            if next >= 0 {
                year += 1
                days = next
            }
        }
        return (year, days / 7 + 1)
    }

    private mutating func writeNumber(_ number: Int64, digits: Int, defaultPadding: Character,
                                      _ specification: Specification) {
        var padding = defaultPadding
        switch specification.flag {
        case "0": padding = "0"
        case "_", "-": padding = " "
        default: break
        }
        let width = min(specification.width ?? (specification.flag == "-" ? 0 : digits), outputBytesMax + 1)
        let magnitude = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        let fill = max(0, width - magnitude.count - sign.count)
        if padding == "0" {
            output += sign + String(repeating: "0", count: fill) + magnitude
        } else {
            output += String(repeating: " ", count: fill) + sign + magnitude
        }
    }

    /// Names and fixed text: `^` upper-cases; `#` upper-cases names and lower-cases `%p` and `%Z`.
    private mutating func writeText(_ text: String, _ specification: Specification, swapUppercases: Bool) {
        var shown = text
        if specification.upper { shown = shown.uppercased() }
        if specification.swapCase { shown = swapUppercases ? shown.uppercased() : shown.lowercased() }
        output += Self.padded(shown, width: min(specification.width ?? 0, outputBytesMax + 1), with: " ")
    }

    private mutating func writeComposite(_ pattern: String, _ specification: Specification) {
        var text = Self.format(pattern, time, outputBytesMax: outputBytesMax)
        if specification.upper { text = text.uppercased() }
        output += Self.padded(text, width: min(specification.width ?? 0, outputBytesMax + 1), with: " ")
    }

    static func padded(_ text: String, width: Int, with fill: Character) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : String(repeating: fill, count: width - count) + text
    }
}
