import TributaryWire

/// The input side of `DateTimePattern.parse`: a cursor over the text being parsed.
struct DateTimeTextScanner {
    let characters: [Character]
    let source: String
    var index = 0

    init(text: String, source: String) {
        characters = Array(text)
        self.source = source
    }

    func failure(_ detail: String) -> SQLEvaluationError {
        SQLEvaluationError("Unparseable date: \"\(source)\" (\(detail))")
    }

    mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    mutating func expect(_ literal: String) throws(SQLEvaluationError) {
        for expected in literal {
            guard index < characters.count, characters[index] == expected else {
                throw failure("expected '\(literal)'")
            }
            index += 1
        }
    }

    /// Reads an unsigned decimal number: exactly `width` digits when `width` is given (adjacent numeric fields),
    /// otherwise every digit available.
    mutating func number(width: Int?) throws(SQLEvaluationError) -> (value: Int64, digits: Int) {
        skipWhitespace()
        var value: Int64 = 0
        var digits = 0
        while index < characters.count, let digit = characters[index].wholeNumberValue, characters[index].isASCII {
            if let width, digits == width { break }
            guard digits < 18 else { throw failure("number too long") }
            value = value * 10 + Int64(digit)
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw failure("expected a number at position \(index)") }
        return (value, digits)
    }

    /// Matches the longest of `candidates` (case-insensitively) and returns its index.
    mutating func choice(_ candidates: [String]) throws(SQLEvaluationError) -> Int {
        var best: (index: Int, length: Int)?
        for (candidateIndex, candidate) in candidates.enumerated() {
            let length = candidate.count
            guard index + length <= characters.count, length > (best?.length ?? 0) else { continue }
            if String(characters[index..<index + length]).lowercased() == candidate.lowercased() {
                best = (candidateIndex, length)
            }
        }
        guard let best else { throw failure("expected one of \(candidates.prefix(3).joined(separator: ", "))…") }
        index += best.length
        return best.index
    }

    /// A UTC designator or offset: `Z`, `UTC`, `GMT`, `Coordinated Universal Time`, optionally followed by an
    /// offset, or a bare `+hh`, `+hhmm`, `+hh:mm`. Returns the offset in minutes east of UTC.
    mutating func zoneOffsetMinutes() throws(SQLEvaluationError) -> Int64 {
        let names = ["Coordinated Universal Time", "UTC", "GMT", "Z"]
        var named = false
        if (try? choice(names)) != nil { named = true }
        guard index < characters.count, characters[index] == "+" || characters[index] == "-" else {
            if named { return 0 }
            throw failure("expected a time zone")
        }
        let negative = characters[index] == "-"
        index += 1
        let hours = try number(width: 2).value
        var minutes: Int64 = 0
        if index < characters.count, characters[index] == ":" { index += 1 }
        if index < characters.count, characters[index].isASCII, characters[index].isNumber {
            minutes = try number(width: 2).value
        }
        guard hours <= 23, minutes <= 59 else { throw failure("time zone offset out of range") }
        let offset = hours * 60 + minutes
        return negative ? -offset : offset
    }
}

/// The fields collected while parsing a date-time text, and their strict resolution into an instant.
struct ParsedDateTimeFields {
    var year: Int64?
    var twoDigitYear = false
    var beforeChrist = false
    var month: Int64?
    var day: Int64?
    var dayOfYear: Int64?
    var hourOfDay: Int64?
    var hourOfHalfDay: Int64?
    var afternoon: Bool?
    var minute: Int64 = 0
    var second: Int64 = 0
    var millisecond: Int64 = 0
    var offsetMinutes: Int64 = 0

    mutating func parse(_ letter: Character, _ count: Int, _ scanner: inout DateTimeTextScanner,
                        fixedWidth: Bool) throws(SQLEvaluationError) {
        if DateTimePattern.isNumeric(letter, count) {
            let (value, digits) = try scanner.number(width: fixedWidth ? count : nil)
            try store(letter, count, value, digits, scanner)
            return
        }
        scanner.skipWhitespace()
        switch letter {
        case "G":
            beforeChrist = try scanner.choice(["AD", "BC"]) == 1
        case "M", "L":
            let names = DateTimePattern.monthNames + DateTimePattern.monthNames.map { String($0.prefix(3)) }
            month = Int64(try scanner.choice(names) % 12 + 1)
        case "E":
            let names = DateTimePattern.dayNames + DateTimePattern.dayNames.map { String($0.prefix(3)) }
            _ = try scanner.choice(names)
        case "a":
            afternoon = try scanner.choice(["AM", "PM"]) == 1
        default:
            offsetMinutes = try scanner.zoneOffsetMinutes()
        }
    }

    private mutating func store(_ letter: Character, _ count: Int, _ value: Int64, _ digits: Int,
                                _ scanner: DateTimeTextScanner) throws(SQLEvaluationError) {
        func checked(_ range: ClosedRange<Int64>, _ name: String) throws(SQLEvaluationError) -> Int64 {
            guard range.contains(value) else { throw scanner.failure("\(name) \(value) out of range") }
            return value
        }
        switch letter {
        case "y", "Y":
            year = value
            twoDigitYear = count == 2 && digits == 2
        case "M", "L": month = try checked(1...12, "month")
        case "d": day = try checked(1...31, "day")
        case "D": dayOfYear = try checked(1...366, "day of year")
        case "H": hourOfDay = try checked(0...23, "hour")
        case "k": hourOfDay = try checked(1...24, "hour") % 24
        case "K": hourOfHalfDay = try checked(0...11, "hour")
        case "h": hourOfHalfDay = try checked(1...12, "hour") % 12
        case "m": minute = try checked(0...59, "minute")
        case "s": second = try checked(0...59, "second")
        case "S": millisecond = try checked(0...999, "millisecond")
        case "u": _ = try checked(1...7, "day of week")
        case "F": _ = try checked(1...5, "day of week in month")
        case "W": _ = try checked(0...6, "week of month")
        default: _ = try checked(1...53, "week of year")  // w
        }
    }

    func resolve(text: String, nowMilliseconds: Int64) throws(SQLEvaluationError) -> Int64 {
        var resolvedYear = year ?? 1970
        if twoDigitYear {
            let centuryStart = CivilDateTime(epochMilliseconds: nowMilliseconds).year - 80
            resolvedYear += (centuryStart / 100) * 100 + (resolvedYear < centuryStart % 100 ? 100 : 0)
        }
        if beforeChrist { resolvedYear = 1 - resolvedYear }
        var resolvedMonth = month ?? 1
        var resolvedDay = day ?? 1
        if let dayOfYear, month == nil, day == nil {
            let length: Int64 = CivilCalendar.isLeapYear(resolvedYear) ? 366 : 365
            guard dayOfYear <= length else {
                throw SQLEvaluationError("Unparseable date: \"\(text)\" (day of year \(dayOfYear) out of range)")
            }
            let days = CivilCalendar.daysSinceEpoch(year: resolvedYear, month: 1, day: 1) + dayOfYear - 1
            (_, resolvedMonth, resolvedDay) = CivilCalendar.civilDate(daysSinceEpoch: days)
        }
        guard resolvedDay <= CivilCalendar.daysIn(month: resolvedMonth, year: resolvedYear) else {
            throw SQLEvaluationError("Unparseable date: \"\(text)\" (day \(resolvedDay) out of range)")
        }
        var hour = hourOfDay ?? 0
        if hourOfDay == nil, let hourOfHalfDay {
            hour = hourOfHalfDay + (afternoon == true ? 12 : 0)
        } else if hourOfDay == nil, afternoon == true {
            hour = 12
        }
        let civil = CivilDateTime(year: resolvedYear, month: resolvedMonth, day: resolvedDay, hour: hour,
                                  minute: minute, second: second, millisecond: millisecond)
        return civil.epochMilliseconds - offsetMinutes * 60_000
    }
}
