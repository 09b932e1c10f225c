/// The date builtins of jq 1.6, in UTC: `now`, `gmtime`, `mktime`, `strftime`, `strptime`, and the ISO 8601
/// shorthands `todate`/`todateiso8601` (`strftime("%Y-%m-%dT%H:%M:%SZ")`) and `fromdate`/`fromdateiso8601`
/// (`strptime("%Y-%m-%dT%H:%M:%SZ") | mktime`), with jq 1.6's messages (its typo "errror" included).
extension JQExecution {
    static let iso8601Format = "%Y-%m-%dT%H:%M:%SZ"

    func applyTime(_ builtin: JQBuiltin, _ input: JQValue, _ arguments: [JQValue]) throws -> JQValue {
        // Formats and dates may come from records: their length is charged.
        try charge(1 + (input.weight + (arguments.first?.weight ?? 0)) / 16)
        switch builtin {
        case .now: return .number(now)
        case .breakDownTime: return try Self.breakDown(input)
        case .makeTime: return try Self.makeTime(input)
        case .formatTime: return try Self.formatTime(input, arguments[0])
        case .toDate, .toDateISO8601: return try Self.formatTime(input, .string(Self.iso8601Format))
        case .parseTime: return try Self.parseTime(input, arguments[0])
        default: return try Self.makeTime(try Self.parseTime(input, .string(Self.iso8601Format)))
        }
    }

    /// `gmtime`: whole seconds truncated toward zero, the input's fraction (`x - floor(x)`) added to the seconds.
    static func breakDown(_ input: JQValue) throws(JQFailure) -> JQValue {
        guard case .number(let seconds) = input else { throw JQFailure(message: "gmtime() requires numeric inputs") }
        guard seconds.isFinite, seconds.magnitude < 9.2e18,
              let time = JQBrokenDownTime(secondsSinceEpoch: Int64(seconds.rounded(.towardZero))) else {
            throw JQFailure(message: "errror converting number of seconds since epoch to datetime")
        }
        return time.value(secondFraction: seconds - seconds.rounded(.down))
    }

    static func makeTime(_ input: JQValue) throws(JQFailure) -> JQValue {
        guard case .array(let array) = input else { throw JQFailure(message: "mktime requires array inputs") }
        guard array.count >= 6, let time = JQBrokenDownTime(input) else {
            throw JQFailure(message: "mktime requires parsed datetime inputs")
        }
        let seconds = time.secondsSinceEpoch
        guard seconds != -1 else { throw JQFailure(message: "invalid gmtime representation") }
        return .number(Double(seconds))
    }

    /// `strftime`: a number goes through `gmtime` first. Like jq 1.6 (which formats into a buffer of the format's
    /// length plus 100 bytes), a result that long, or an empty one, is "strftime/1: unknown system failure".
    static func formatTime(_ input: JQValue, _ format: JQValue) throws(JQFailure) -> JQValue {
        var broken = input
        if case .number = input {
            broken = try breakDown(input)
        } else if case .array = input {
            guard case .string = format else { throw JQFailure(message: "strftime/1 requires a string format") }
        } else {
            throw JQFailure(message: "strftime/1 requires parsed datetime inputs")
        }
        guard case .string(let pattern) = format else {
            throw JQFailure(message: "strftime/1 requires a string format")
        }
        guard let time = JQBrokenDownTime(broken) else {
            throw JQFailure(message: "strftime/1 requires parsed datetime inputs")
        }
        let text = JQTimeFormatter.format(pattern, time, outputBytesMax: pattern.utf8.count + 100)
        guard !text.isEmpty, text.utf8.count < pattern.utf8.count + 100 else {
            throw JQFailure(message: "strftime/1: unknown system failure")
        }
        return .string(text)
    }

    /// `strptime`: the input must match the whole format, but may go on after white space; that rest is appended
    /// to the array as a ninth element, as jq 1.6 does.
    static func parseTime(_ input: JQValue, _ format: JQValue) throws(JQFailure) -> JQValue {
        guard case .string(let text) = input, case .string(let pattern) = format else {
            throw JQFailure(message: "strptime/1 requires string inputs and arguments")
        }
        guard let (time, rest) = JQTimeParser.parse(text, format: pattern),
              rest.utf8.first.map(JQTimeParser.isSpace) ?? true else {
            throw JQFailure(message: "date \"\(text)\" does not match format \"\(pattern)\"")
        }
        guard case .array(let fields) = time.value() else { return time.value() }
        return rest.isEmpty ? .array(fields) : .array(JQArray(fields.elements + [.string(rest)]))
    }
}
