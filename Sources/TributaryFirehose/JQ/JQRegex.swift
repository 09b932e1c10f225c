import Foundation

/// A compiled regular expression with jq's flags, for `test`, `sub` and `gsub`.
///
/// jq 1.6 uses Oniguruma with Perl syntax; this uses ICU through `NSRegularExpression`, whose syntax is the same for
/// everything a partition query needs (classes, `\d \w \s`, anchors, groups, `(?<name>…)`, lazy and possessive
/// quantifiers). As in jq, `^` and `$` anchor at the ends of the whole string and `.` does not match a newline.
/// Flags: `g` every match, `i` ignore case, `x` extended (white space and `#` comments ignored), `n` skip empty
/// matches, `p` `.` matches newlines; `s` and `l` are accepted and change nothing.
///
/// Matching reports progress to the run, which charges the time spent (`JQLimits.regexNanosecondsPerStep`), so a
/// pattern that backtracks catastrophically ends the run with an error instead of hanging it.
struct JQRegex: Sendable {
    let expression: NSRegularExpression
    let isGlobal: Bool
    let skipsEmptyMatches: Bool
    /// Names of the named groups, in the order they open.
    let groupNames: [String]

    init(pattern: String, flags: String) throws(JQFailure) {
        var options: NSRegularExpression.Options = []
        var isGlobal = false, skipsEmptyMatches = false
        for flag in flags {
            switch flag {
            case "g": isGlobal = true
            case "i": options.insert(.caseInsensitive)
            case "x": options.insert(.allowCommentsAndWhitespace)
            case "n": skipsEmptyMatches = true
            case "p": options.insert(.dotMatchesLineSeparators)
            case "s", "l": break
            default: throw JQFailure(message: "\(flags) is not a valid modifier string")
            }
        }
        do {
            // ICU refuses an empty pattern; an empty group matches the same (everywhere).
            expression = try NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : pattern, options: options)
        } catch {
            throw JQFailure(message: "Regex failure: \(pattern) is not a valid regular expression")
        }
        self.isGlobal = isGlobal
        self.skipsEmptyMatches = skipsEmptyMatches
        groupNames = Self.groupNames(in: pattern)
    }

    /// Names of `(?<name>` groups; `(?<=` and `(?<!` are look-behinds, and escaped parentheses are skipped.
    static func groupNames(in pattern: String) -> [String] {
        let characters = Array(pattern.unicodeScalars)
        var names: [String] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "(", index + 3 < characters.count, characters[index + 1] == "?",
               characters[index + 2] == "<", characters[index + 3] != "=", characters[index + 3] != "!" {
                var end = index + 3
                while end < characters.count, characters[end] != ">" { end += 1 }
                names.append(String(String.UnicodeScalarView(characters[(index + 3) ..< end])))
                index = end
            }
            index += 1
        }
        return names
    }

    /// The matches in `text`: the first only unless the expression is global; empty ones dropped under `n`.
    func matches(in text: String, _ execution: JQExecution) throws -> [NSTextCheckingResult] {
        var found: [NSTextCheckingResult] = []
        var budgetExhausted = false
        var lastReport = DispatchTime.now().uptimeNanoseconds
        let whole = NSRange(text.startIndex ..< text.endIndex, in: text)
        expression.enumerateMatches(in: text, options: [.reportProgress], range: whole) { result, _, stop in
            let now = DispatchTime.now().uptimeNanoseconds
            let elapsed = now &- lastReport
            lastReport = now
            do {
                try execution.charge(1 + Int(min(elapsed / JQLimits.regexNanosecondsPerStep, 1 << 40)))
            } catch {
                budgetExhausted = true
                stop.pointee = true
                return
            }
            guard let result else { return }
            if skipsEmptyMatches && result.range.length == 0 { return }
            found.append(result)
            if !isGlobal { stop.pointee = true }
        }
        if budgetExhausted { try execution.charge(0) }
        return found
    }

    /// The object a replacement sees: each named group's text, or null when it did not take part.
    func captures(of match: NSTextCheckingResult, in text: String) -> JQValue {
        var object = JQObject()
        for name in groupNames {
            let range = match.range(withName: name)
            if range.location != NSNotFound, let bounds = Range(range, in: text) {
                object[name] = .string(String(text[bounds]))
            } else {
                object[name] = .null
            }
        }
        return .object(object)
    }
}
