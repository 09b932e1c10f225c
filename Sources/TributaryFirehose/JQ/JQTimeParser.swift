/// `strptime` as glibc's in the C locale, which jq 1.6 calls; fields start at zero (weekday 8 and day of year 367 as
/// jq's "not set" marks) and only the parsed ones change.
///
/// Conversions: `%Y %m %d %e %H %k %I %l %M %S %j %y %C %a %A %b %B %h %p %s %z %Z %n %t %% %D %F %T %R %r %c %x %X
/// %u %w`, and `%U %W %V %G %g`, which are read and ignored (glibc cannot derive a date from them either). A space
/// in the format matches any run of white space; any other character must match itself. Numbers may be preceded by
/// spaces and are read up to their width while they stay in range (`%m` reads "1" of "13" and
/// then refuses "13"). `%z` accepts `Z`, `±hh`, `±hhmm`, `±hh:mm` and is otherwise ignored, like `%Z` (jq 1.6 keeps
/// no zone). Afterwards, as glibc: `%I` with `PM` adds 12 hours; `%C` sets the century; a year, month or day
/// parsed without a weekday fills in the weekday and day of year (month and day too, from `%j`).
struct JQTimeParser {
    let input: [UInt8]
    var position = 0
    var time = JQBrokenDownTime()
    var hasWeekday = false, hasYearDay = false, hasMonth = false, hasDay = false
    var wantsDerivedDays = false, wantsCentury = false, hasTwelveHour = false, isAfternoon = false
    var century: Int64?
    var recursionDepth = 0

    init(_ input: String) {
        self.input = Array(input.utf8)
        time.weekday = 8
        time.yearDay = 367
    }

    /// The broken-down time and the unparsed rest; nil when the input does not match.
    static func parse(_ text: String, format: String) -> (JQBrokenDownTime, String)? {
        var parser = JQTimeParser(text)
        guard parser.match(Array(format.utf8)) else { return nil }
        parser.finish()
        return (parser.time, String(decoding: parser.input[parser.position...], as: UTF8.self))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09 ... 0x0D).contains(byte)
    }

    func byte(at offset: Int) -> UInt8? { offset < input.count ? input[offset] : nil }

    mutating func skipSpaces() {
        while let byte = byte(at: position), Self.isSpace(byte) { position += 1 }
    }

    mutating func match(_ format: [UInt8]) -> Bool {
        var index = 0
        while index < format.count {
            let character = format[index]
            index += 1
            if Self.isSpace(character) {
                skipSpaces()
                continue
            }
            guard character == UInt8(ascii: "%") else {
                guard byte(at: position) == character else { return false }
                position += 1
                continue
            }
            while index < format.count, "-_0^#".utf8.contains(format[index]) { index += 1 }
            while index < format.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(format[index]) { index += 1 }
            while index < format.count, format[index] == UInt8(ascii: "E") || format[index] == UInt8(ascii: "O") {
                index += 1
            }
            guard index < format.count else { return false }
            let letter = format[index]
            index += 1
            guard convert(letter) else { return false }
        }
        return true
    }

    /// The rules glibc applies once the whole format matched.
    mutating func finish() {
        if hasTwelveHour && isAfternoon { time.hour += 12 }
        if let century {
            time.year = wantsCentury ? JQCalendar.floorModulo(time.year - 1900, 100) + century * 100
                : century * 100
        }
        if wantsDerivedDays && !hasWeekday {
            if !(hasMonth && hasDay) && hasYearDay {
                let table = JQCalendar.daysBeforeMonth[JQCalendar.isLeap(time.year) ? 1 : 0]
                var month = 0
                while month < 12 && table[month + 1] <= time.yearDay { month += 1 }
                if !hasMonth { time.month = Int64(month) }
                if !hasDay { time.day = time.yearDay - table[month] + 1 }
                hasMonth = true
                hasDay = true
            }
            let days = JQCalendar.daysSinceEpoch(year: time.year, month: time.month + 1, day: time.day)
            time.weekday = JQCalendar.weekday(daysSinceEpoch: days)
        }
        if wantsDerivedDays && !hasYearDay {
            time.yearDay = JQCalendar.daysBeforeMonth[JQCalendar.isLeap(time.year) ? 1 : 0][Int(time.month)]
                + time.day - 1
        }
    }
}
