import TributaryWire

/// A `java.text.SimpleDateFormat` pattern (`yyyy-MM-dd HH:mm:ss.SSS`, `MMM d, yyyy h:mm a`, `'T'`, `''`), the
/// template language of CHAR_TO_TIMESTAMP and TIMESTAMP_TO_CHAR and their DATE/TIME siblings. Formatting and
/// parsing are done in UTC with English names, as Kinesis Data Analytics does. Parsing is strict about field ranges
/// (month 13 is an error, not a roll-over), skips white space before numbers and ignores text after the last field.
struct DateTimePattern: Sendable {
    enum Element: Equatable, Sendable {
        case literal(String)
        case field(Character, count: Int)
    }

    static let fieldLetters: Set<Character> = [
        "G", "y", "Y", "M", "L", "w", "W", "D", "d", "F", "E", "u", "a", "H", "k", "K", "h", "m", "s", "S",
        "z", "Z", "X",
    ]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    let elements: [Element]

    init(_ pattern: String) throws(SQLEvaluationError) {
        var elements: [Element] = []
        var literal = ""
        let characters = Array(pattern)
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty {
                elements.append(.literal(literal))
                literal = ""
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    literal.append("'")
                    index += 2
                    continue
                }
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "'" {
                        if index + 1 < characters.count, characters[index + 1] == "'" {
                            literal.append("'")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    literal.append(characters[index])
                    index += 1
                }
                if !closed { throw SQLEvaluationError("Unterminated quote in date format '\(pattern)'") }
            } else if character.isASCII, character.isLetter {
                guard Self.fieldLetters.contains(character) else {
                    throw SQLEvaluationError("Illegal pattern character '\(character)' in date format '\(pattern)'")
                }
                var count = 1
                while index + count < characters.count, characters[index + count] == character { count += 1 }
                flushLiteral()
                elements.append(.field(character, count: count))
                index += count
            } else {
                literal.append(character)
                index += 1
            }
        }
        flushLiteral()
        self.elements = elements
    }

    // MARK: Formatting

    func format(epochMilliseconds: Int64) -> String {
        let civil = CivilDateTime(epochMilliseconds: epochMilliseconds)
        var output = ""
        for element in elements {
            switch element {
            case .literal(let text): output += text
            case .field(let letter, let count): output += Self.formatField(letter, count, civil)
            }
        }
        return output
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func formatYear(_ year: Int64, _ count: Int) -> String {
        let yearOfEra = year > 0 ? year : 1 - year
        return count == 2 ? padded(yearOfEra % 100, 2) : padded(yearOfEra, count)
    }

    private static func formatField(_ letter: Character, _ count: Int, _ civil: CivilDateTime) -> String {
        switch letter {
        case "G": return civil.year > 0 ? "AD" : "BC"
        case "y": return formatYear(civil.year, count)
        case "Y": return formatYear(USWeek.of(civil).weekYear, count)
        case "M", "L":
            let name = monthNames[Int(civil.month) - 1]
            if count >= 4 { return name }
            if count == 3 { return String(name.prefix(3)) }
            return padded(civil.month, count)
        case "w": return padded(USWeek.of(civil).weekOfYear, count)
        case "W": return padded(USWeek.weekOfMonth(civil), count)
        case "D": return padded(civil.dayOfYear, count)
        case "d": return padded(civil.day, count)
        case "F": return padded((civil.day - 1) / 7 + 1, count)
        case "E":
            let name = dayNames[Int(civil.isoDayOfWeek % 7)]
            return count >= 4 ? name : String(name.prefix(3))
        case "u": return padded(civil.isoDayOfWeek, count)
        case "a": return civil.hour < 12 ? "AM" : "PM"
        case "H": return padded(civil.hour, count)
        case "k": return padded(civil.hour == 0 ? 24 : civil.hour, count)
        case "K": return padded(civil.hour % 12, count)
        case "h": return padded(civil.hour % 12 == 0 ? 12 : civil.hour % 12, count)
        case "m": return padded(civil.minute, count)
        case "s": return padded(civil.second, count)
        case "S": return padded(civil.millisecond, count)
        case "z": return count >= 4 ? "Coordinated Universal Time" : "UTC"
        case "Z": return "+0000"
        default: return "Z"  // X: ISO 8601 zone, always UTC
        }
    }

    // MARK: Parsing

    /// Parses `text` and returns milliseconds since the epoch (UTC). Fields absent from the pattern take their
    /// defaults: 1970, January, the 1st, midnight. `nowMilliseconds` anchors two-digit years (`yy`) to the century
    /// from 80 years before now to 20 years after, as SimpleDateFormat does.
    func parse(_ text: String, nowMilliseconds: Int64) throws(SQLEvaluationError) -> Int64 {
        var scanner = DateTimeTextScanner(text: text, source: text)
        var fields = ParsedDateTimeFields()
        for (position, element) in elements.enumerated() {
            switch element {
            case .literal(let expected):
                try scanner.expect(expected)
            case .field(let letter, let count):
                var nextIsNumber = false
                if position + 1 < elements.count, case .field(let next, let nextCount) = elements[position + 1] {
                    nextIsNumber = Self.isNumeric(next, nextCount)
                }
                try fields.parse(letter, count, &scanner, fixedWidth: nextIsNumber)
            }
        }
        return try fields.resolve(text: text, nowMilliseconds: nowMilliseconds)
    }

    static func isNumeric(_ letter: Character, _ count: Int) -> Bool {
        switch letter {
        case "G", "E", "a", "z", "Z", "X": return false
        case "M", "L": return count <= 2
        default: return true
        }
    }
}

/// Week numbering of `SimpleDateFormat` in the US locale: weeks start on Sunday and week 1 is the week that
/// contains January 1st.
enum USWeek {
    static func of(_ civil: CivilDateTime) -> (weekYear: Int64, weekOfYear: Int64) {
        let days = civil.epochDays
        let saturday = days - CivilCalendar.weekday(daysSinceEpoch: days) + 6
        if CivilCalendar.civilDate(daysSinceEpoch: saturday).year > civil.year { return (civil.year + 1, 1) }
        let januaryFirst = CivilCalendar.daysSinceEpoch(year: civil.year, month: 1, day: 1)
        return (civil.year, (days - januaryFirst + CivilCalendar.weekday(daysSinceEpoch: januaryFirst)) / 7 + 1)
    }

    static func weekOfMonth(_ civil: CivilDateTime) -> Int64 {
        let first = CivilCalendar.daysSinceEpoch(year: civil.year, month: civil.month, day: 1)
        return (civil.day - 1 + CivilCalendar.weekday(daysSinceEpoch: first)) / 7 + 1
    }
}
