/// A request time in the two forms SigV4 uses: `x-amz-date` (`20150830T123600Z`, UTC) and the date stamp
/// (`20150830`) that starts the credential scope.
///
/// Written with calendar arithmetic rather than Foundation's formatters, so this module stays dependency-free and
/// the verifier can parse a client's `x-amz-date` the same way the signer wrote it.
public struct SigV4Timestamp: Sendable, Equatable {
    public let secondsSinceEpoch: Int64

    /// A time from 1970 to the end of 9999; outside that is a caller's mistake (a clock is never there).
    public init(secondsSinceEpoch: Int64) {
        precondition((0...SigV4Limits.secondsSinceEpochMax).contains(secondsSinceEpoch),
                     "SigV4 times have four-digit years")
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYYMMDDTHHMMSSZ`; nil for any other shape or an impossible date or time.
    public init?(amzDate: String) {
        let bytes = Array(amzDate.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[4..<6]),
              let day = Self.number(bytes[6..<8]), let hour = Self.number(bytes[9..<11]),
              let minute = Self.number(bytes[11..<13]), let second = Self.number(bytes[13..<15]),
              year >= 1970, (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        self.init(secondsSinceEpoch: days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// `YYYYMMDDTHHMMSSZ`, the value of `x-amz-date`.
    public var amzDate: String {
        let secondOfDay = secondsSinceEpoch % 86_400
        return dateStamp + "T" + Self.padded(secondOfDay / 3600, width: 2)
            + Self.padded(secondOfDay / 60 % 60, width: 2) + Self.padded(secondOfDay % 60, width: 2) + "Z"
    }

    /// `YYYYMMDD`, the first element of the credential scope.
    public var dateStamp: String {
        let (year, month, day) = Self.civilDate(daysSinceEpoch: secondsSinceEpoch / 86_400)
        return Self.padded(year, width: 4) + Self.padded(month, width: 2) + Self.padded(day, width: 2)
    }

    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        CivilCalendar.civilDate(daysSinceEpoch: daysSinceEpoch)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 { CivilCalendar.daysIn(month: month, year: year) }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int64, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
