/// The conversions of `JQTimeParser`; each returns false when the input does not match.
extension JQTimeParser {
    mutating func convert(_ letter: UInt8) -> Bool {
        switch Unicode.Scalar(letter) {
        case "%":
            guard byte(at: position) == UInt8(ascii: "%") else { return false }
            position += 1
        case "Y":
            return readField(0, 9999, 4) { parser, value in
                parser.time.year = value
                parser.wantsCentury = false
                parser.wantsDerivedDays = true
            }
        case "y":
            return readField(0, 99, 2) { parser, value in
                parser.time.year = 1900 + (value >= 69 ? value : value + 100)
                parser.wantsCentury = true
                parser.wantsDerivedDays = true
            }
        case "C": return readField(0, 99, 2) { $0.century = $1; $0.wantsDerivedDays = true }
        case "m": return readField(1, 12, 2) { $0.time.month = $1 - 1; $0.hasMonth = true; $0.wantsDerivedDays = true }
        case "d", "e": return readField(1, 31, 2) { $0.time.day = $1; $0.hasDay = true; $0.wantsDerivedDays = true }
        case "H", "k": return readField(0, 23, 2) { $0.time.hour = $1; $0.hasTwelveHour = false }
        case "I", "l": return readField(1, 12, 2) { $0.time.hour = $1 % 12; $0.hasTwelveHour = true }
        case "M": return readField(0, 59, 2) { $0.time.minute = $1 }
        case "S": return readField(0, 61, 2) { $0.time.second = $1 }
        case "j": return readField(1, 366, 3) { $0.time.yearDay = $1 - 1; $0.hasYearDay = true }
        case "w": return readField(0, 6, 1) { $0.time.weekday = $1; $0.hasWeekday = true }
        case "u": return readField(1, 7, 1) { $0.time.weekday = $1 % 7; $0.hasWeekday = true }
        case "U", "W", "V": return readField(0, 53, 2) { _, _ in }
        case "g": return readField(0, 99, 2) { _, _ in }
        case "G":
            guard let first = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(first) else {
                return false
            }
            while let digit = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(digit) {
                position += 1
            }
        case "a", "A":
            guard let index = readName(JQCalendar.weekdayNames) else { return false }
            time.weekday = Int64(index)
            hasWeekday = true
        case "b", "B", "h":
            guard let index = readName(JQCalendar.monthNames) else { return false }
            time.month = Int64(index)
            hasMonth = true
            wantsDerivedDays = true
        case "p":
            guard let index = readName(["AM", "PM"]) else { return false }
            isAfternoon = index == 1
        case "n", "t": skipSpaces()
        case "Z":
            skipSpaces()
            while let byte = byte(at: position), !Self.isSpace(byte) { position += 1 }
        case "z": return readZone()
        case "s": return readEpochSeconds()
        case "D", "x": return matchNested("%m/%d/%y")
        case "F": return matchNested("%Y-%m-%d")
        case "T", "X": return matchNested("%H:%M:%S")
        case "R": return matchNested("%H:%M")
        case "r": return matchNested("%I:%M:%S %p")
        case "c": return matchNested("%a %b %e %H:%M:%S %Y")
        default: return false
        }
        return true
    }

    private mutating func matchNested(_ format: String) -> Bool {
        guard recursionDepth < 2 else { return false }
        recursionDepth += 1
        defer { recursionDepth -= 1 }
        return match(Array(format.utf8))
    }

    /// glibc's `get_number`: spaces, then at least one digit, more while fewer than `width` were read and the value
    /// times ten stays within `upper`; the value must lie in `lower ... upper`.
    private mutating func readField(_ lower: Int64, _ upper: Int64, _ width: Int,
                                    _ store: (inout JQTimeParser, Int64) -> Void) -> Bool {
        skipSpaces()
        guard let first = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(first) else {
            return false
        }
        var value: Int64 = 0, remaining = width
        repeat {
            value = value * 10 + Int64(input[position] - UInt8(ascii: "0"))
            position += 1
            remaining -= 1
        } while remaining > 0 && value * 10 <= upper
            && byte(at: position).map { (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) } == true
        guard value >= lower && value <= upper else { return false }
        store(&self, value)
        return true
    }

    /// A full name or its first three letters, any case; the index in `names`.
    private mutating func readName(_ names: [String]) -> Int? {
        for (index, name) in names.enumerated() {
            for candidate in [name, String(name.prefix(3))] {
                let bytes = Array(candidate.utf8)
                guard position + bytes.count <= input.count else { continue }
                let slice = input[position ..< position + bytes.count]
                if zip(slice, bytes).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                    position += bytes.count
                    return index
                }
            }
        }
        return nil
    }

    private mutating func readZone() -> Bool {
        skipSpaces()
        if byte(at: position) == UInt8(ascii: "Z") {
            position += 1
            return true
        }
        guard let sign = byte(at: position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            return false
        }
        position += 1
        var digits = 0, value = 0
        while digits < 4, let digit = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(digit) {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            digits += 1
            position += 1
            if digits == 2, byte(at: position) == UInt8(ascii: ":"),
               let next = self.byte(at: position + 1), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(next) {
                position += 1
            }
        }
        if digits == 2 { return true }
        return digits == 4 && value % 100 < 60
    }

    /// `%s`: digits of seconds since the epoch, which set every field (UTC).
    private mutating func readEpochSeconds() -> Bool {
        guard let first = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(first) else {
            return false
        }
        var seconds: Int64 = 0
        while let digit = byte(at: position), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(digit) {
            let (product, overflow) = seconds.multipliedReportingOverflow(by: 10)
            guard !overflow, product <= Int64.max - 9 else { return false }
            seconds = product + Int64(digit - UInt8(ascii: "0"))
            position += 1
        }
        guard let broken = JQBrokenDownTime(secondsSinceEpoch: seconds) else { return false }
        time = broken
        return true
    }
}
