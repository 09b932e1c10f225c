import Foundation

extension SQLValue {
    /// The canonical text of the value, nil for NULL: what CAST to VARCHAR produces and what CSV and JSON output
    /// write for a value whose column type is not at hand (see `text(for:)` when it is).
    ///
    /// - integers: plain digits (`-42`); DECIMAL: plain notation, never an exponent (`12.5`);
    /// - DOUBLE/REAL: Java's `Double.toString` layout, what the Java engine behind Kinesis Data Analytics prints
    ///   (`12.5`, `100.0`, `1.0E10`, `1.0E-4`); `NaN`, `Infinity`, `-Infinity`;
    /// - BOOLEAN: `TRUE`/`FALSE`, SQL's boolean literals (JSON output writes its own `true`/`false`);
    /// - DATE `yyyy-MM-dd`, TIMESTAMP `yyyy-MM-dd HH:mm:ss.SSS`, TIME `HH:mm:ss` with `.SSS` only when the
    ///   milliseconds are not zero;
    /// - VARBINARY: upper-case hexadecimal digits;
    /// - intervals: SQL's interval literal bodies, `+1 02:03:04.000` (day-time) and `+1-02` (year-month).
    package var text: String? {
        switch self {
        case .null: nil
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .integer(let value): String(value)
        case .decimal(let value): SQLNumericLimits.plainText(value)
        case .double(let value): SQLDoubleText.javaText(value)
        case .string(let value): value
        case .binary(let bytes): Self.hexText(bytes)
        case .date(let days): SQLCalendar.dateText(days: days)
        case .time(let milliseconds):
            SQLCalendar.timeText(millisecondOfDay: milliseconds, alwaysMilliseconds: false)
        case .timestamp(let milliseconds): SQLCalendar.timestampText(milliseconds: milliseconds)
        case .intervalDayTime(let milliseconds): Self.dayTimeIntervalText(milliseconds)
        case .intervalYearMonth(let months): Self.yearMonthIntervalText(months)
        }
    }

    /// The text of the value as a column of `type` holds it: DECIMAL with exactly its scale's fractional digits
    /// (`12.50` for DECIMAL(8,2)) and REAL with the shortest digits of the Float (`0.1`, not
    /// `0.10000000149011612`); every other value as `text`.
    package func text(for type: SQLType) -> String? {
        switch (self, type) {
        case (.decimal(let value), .decimal(_, let scale)):
            return Self.decimalText(value, scale: scale)
        case (.double(let value), .real):
            return SQLDoubleText.javaText(Float(value))
        default:
            return text
        }
    }

    /// Plain text of `value` rounded to and padded to `scale` fractional digits.
    static func decimalText(_ value: Decimal, scale: Int) -> String {
        let plain = SQLNumericLimits.plainText(SQLNumericLimits.rounded(value, scale: scale))
        guard scale > 0 else { return plain }
        if let point = plain.firstIndex(of: ".") {
            let fractionDigits = plain.distance(from: plain.index(after: point), to: plain.endIndex)
            return plain + String(repeating: "0", count: max(0, scale - fractionDigits))
        }
        return plain + "." + String(repeating: "0", count: scale)
    }

    static func hexText(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func dayTimeIntervalText(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : "+"
        let magnitude = milliseconds.magnitude
        let days = magnitude / UInt64(SQLCalendar.millisecondsPerDay)
        let rest = Int64(magnitude % UInt64(SQLCalendar.millisecondsPerDay))
        return "\(sign)\(days) " + SQLCalendar.timeText(millisecondOfDay: rest, alwaysMilliseconds: true)
    }

    static func yearMonthIntervalText(_ months: Int64) -> String {
        let sign = months < 0 ? "-" : "+"
        let magnitude = months.magnitude
        return "\(sign)\(magnitude / 12)-" + SQLCalendar.padded(Int64(magnitude % 12), 2)
    }
}
