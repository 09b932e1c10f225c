import Foundation

/// A regular expression with `java.util.regex` meaning, for REGEX_REPLACE and SUBSTRING(s FROM regex). ICU's
/// syntax (behind NSRegularExpression) is modelled on Java's, so patterns are passed through; replacement strings
/// are expanded here with Java's rules (`$n`, `${name}`, backslash escapes). Compiled patterns are cached because a
/// pattern is usually a literal evaluated once per row.
struct JavaRegex: @unchecked Sendable {
    let expression: NSRegularExpression

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var compiled: [String: NSRegularExpression] = [:]
    }

    private static let cache = Cache()
    private static let cacheLimit = 256

    static func compile(_ pattern: String) throws(SQLEvaluationError) -> JavaRegex {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let expression = cache.compiled[pattern] { return JavaRegex(expression: expression) }
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            throw SQLEvaluationError("Invalid regular expression '\(pattern)'")
        }
        if cache.compiled.count >= cacheLimit { cache.compiled.removeAll() }
        cache.compiled[pattern] = expression
        return JavaRegex(expression: expression)
    }

    /// The text of the first match in `text`, if any.
    func firstMatch(in text: String) -> String? {
        let units = Array(text.utf16)
        guard let match = expression.firstMatch(in: text, range: NSRange(location: 0, length: units.count)) else {
            return nil
        }
        return Self.slice(units, match.range)
    }

    /// Replaces, from code unit `from` on, every match (`occurrence` 0) or only the `occurrence`-th match.
    func replace(in text: String, from: Int, occurrence: Int,
                 with replacement: String) throws(SQLEvaluationError) -> String {
        let units = Array(text.utf16)
        let matches = expression.matches(in: text, range: NSRange(location: from, length: units.count - from))
        var result: [UInt16] = []
        var copied = 0
        for (index, match) in matches.enumerated() where occurrence == 0 || index + 1 == occurrence {
            result += units[copied..<match.range.location]
            result += try expand(replacement, match, units).utf16
            copied = match.range.location + match.range.length
        }
        result += units[copied...]
        return String(decoding: result, as: UTF16.self)
    }

    private static func slice(_ units: [UInt16], _ range: NSRange) -> String? {
        guard range.location != NSNotFound else { return nil }
        return String(decoding: units[range.location..<range.location + range.length], as: UTF16.self)
    }

    /// Java's `Matcher.appendReplacement` syntax.
    private func expand(_ replacement: String, _ match: NSTextCheckingResult,
                        _ units: [UInt16]) throws(SQLEvaluationError) -> String {
        let characters = Array(replacement)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "\\" {
                guard index < characters.count else {
                    throw SQLEvaluationError("character to be escaped is missing in replacement '\(replacement)'")
                }
                output.append(characters[index])
                index += 1
            } else if character == "$" {
                guard index < characters.count else {
                    throw SQLEvaluationError("Illegal group reference: group index is missing")
                }
                var range: NSRange
                if characters[index] == "{" {
                    guard let close = characters[index...].firstIndex(of: "}") else {
                        throw SQLEvaluationError("named capturing group is missing trailing '}'")
                    }
                    let name = String(characters[(index + 1)..<close])
                    range = match.range(withName: name)
                    guard range.location != NSNotFound || expression.pattern.contains("(?<\(name)>") else {
                        throw SQLEvaluationError("No group with name {\(name)}")
                    }
                    index = close + 1
                } else {
                    guard let first = characters[index].wholeNumberValue, characters[index].isASCII else {
                        throw SQLEvaluationError("Illegal group reference in replacement '\(replacement)'")
                    }
                    var group = first
                    index += 1
                    while index < characters.count, let digit = characters[index].wholeNumberValue,
                          characters[index].isASCII, group * 10 + digit <= expression.numberOfCaptureGroups {
                        group = group * 10 + digit
                        index += 1
                    }
                    guard group <= expression.numberOfCaptureGroups else {
                        throw SQLEvaluationError("No group \(group)")
                    }
                    range = match.range(at: group)
                }
                output += Self.slice(units, range) ?? ""
            } else {
                output.append(character)
            }
        }
        return output
    }
}
