/// A field of an interval qualifier, in order from the most to the least significant.
enum SQLIntervalUnit: Int, Comparable, Sendable {
    case year, month, day, hour, minute, second

    init?(keyword: String) {
        switch keyword {
        case "YEAR": self = .year
        case "MONTH": self = .month
        case "DAY": self = .day
        case "HOUR": self = .hour
        case "MINUTE": self = .minute
        case "SECOND": self = .second
        default: return nil
        }
    }

    var keyword: String {
        switch self {
        case .year: "YEAR"
        case .month: "MONTH"
        case .day: "DAY"
        case .hour: "HOUR"
        case .minute: "MINUTE"
        case .second: "SECOND"
        }
    }

    static func < (lhs: SQLIntervalUnit, rhs: SQLIntervalUnit) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `start [TO end]` after INTERVAL, in a type or a literal. It decides the literal's text format (`'1:30'` for
/// MINUTE TO SECOND) and whether the value counts months (YEAR, MONTH) or milliseconds (DAY to SECOND).
struct SQLIntervalQualifier: Equatable, Sendable {
    var start: SQLIntervalUnit
    var end: SQLIntervalUnit?

    /// Up to this many digits in the leading field, the widest leading precision allowed.
    static let maximumLeadingDigits = 10

    var isYearMonth: Bool { start <= .month }

    var description: String { start.keyword + (end.map { " TO " + $0.keyword } ?? "") }

    private var fields: [SQLIntervalUnit] {
        (start.rawValue...(end ?? start).rawValue).compactMap { SQLIntervalUnit(rawValue: $0) }
    }

    /// The value of an interval literal's text for this qualifier (`'1:30'` MINUTE TO SECOND is 90,000 ms), or
    /// nil when the text does not have the qualifier's format.
    func value(of text: String) -> SQLValue? {
        var scanner = Substring(text.trimmingSQLSpaces())
        var negative = false
        if let sign = scanner.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scanner = scanner.dropFirst()
        }
        var amounts: [Int64] = []
        for (offset, field) in fields.enumerated() {
            if offset > 0 {
                guard scanner.first == Self.separator(before: field) else { return nil }
                scanner = scanner.dropFirst()
            }
            let digits = scanner.prefix { $0.isASCII && $0.isNumber }
            let limit = offset == 0 ? Self.maximumLeadingDigits : 2
            guard !digits.isEmpty, digits.count <= limit, let amount = Int64(digits) else { return nil }
            if offset > 0 && amount >= Self.limit(of: field) { return nil }
            amounts.append(amount)
            scanner = scanner.dropFirst(digits.count)
        }
        var milliseconds: Int64 = 0
        if fields.last == .second && scanner.first == "." {
            scanner = scanner.dropFirst()
            let digits = scanner.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            var fraction = String(digits.prefix(3))
            while fraction.count < 3 { fraction += "0" }
            milliseconds = Int64(fraction) ?? 0
            scanner = scanner.dropFirst(digits.count)
        }
        guard scanner.isEmpty else { return nil }
        let sign: Int64 = negative ? -1 : 1
        if isYearMonth {
            let months = fields.count == 2 ? amounts[0] * 12 + amounts[1] : amounts[0] * (start == .year ? 12 : 1)
            return .intervalYearMonth(months: sign * months)
        }
        var total: Int64 = 0
        for (field, amount) in zip(fields, amounts) {
            total += amount * Self.milliseconds(in: field)
        }
        return .intervalDayTime(milliseconds: sign * (total + milliseconds))
    }

    private static func separator(before field: SQLIntervalUnit) -> Character {
        switch field {
        case .month: "-"
        case .hour: " "
        default: ":"
        }
    }

    /// The exclusive upper bound of a field that is not the leading one.
    private static func limit(of field: SQLIntervalUnit) -> Int64 {
        switch field {
        case .month: 12
        case .hour: 24
        default: 60
        }
    }

    private static func milliseconds(in field: SQLIntervalUnit) -> Int64 {
        switch field {
        case .year, .month: 0
        case .day: 86_400_000
        case .hour: 3_600_000
        case .minute: 60_000
        case .second: 1_000
        }
    }
}

extension String {
    /// The string without leading and trailing blanks, as literal texts are read.
    func trimmingSQLSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
