import Foundation

/// A `pattern` trait with Java's meaning, matched with the platform's (ICU) regular expressions.
///
/// AWS checks patterns with `java.util.regex`, where `\d`, `\w` and `\s` are ASCII classes; in ICU they are
/// Unicode classes (`\d` takes Arabic-Indic digits, `\w` takes `ü`). So the six class escapes are rewritten to
/// their ASCII sets before compiling (`\d` → `[0-9]`, `\W` → `[^a-zA-Z_0-9]`, ...); ICU reads a set nested in a
/// class as a union, so the same rewrite serves inside `[...]`. Messages quote the model's text unchanged.
struct JavaPattern: Sendable {
    /// The pattern as the model writes it, for `Member must satisfy regular expression pattern: <text>`.
    let text: String
    private let matcher: ConstraintPattern

    /// Nil when the rewritten pattern is not a regular expression ICU can compile.
    init?(_ text: String) {
        let rewritten = Self.asciiClasses(text)
        guard (try? NSRegularExpression(pattern: "\\A(?:\(rewritten))\\z")) != nil else { return nil }
        self.text = text
        self.matcher = ConstraintPattern(rewritten)
    }

    func matches(_ value: String) -> Bool {
        matcher.matches(value)
    }

    private static let replacements: [Character: String] = [
        "d": "[0-9]", "D": "[^0-9]",
        "w": "[a-zA-Z_0-9]", "W": "[^a-zA-Z_0-9]",
        "s": "[ \\t\\n\\x0B\\f\\r]", "S": "[^ \\t\\n\\x0B\\f\\r]",
    ]

    /// Rewrites `\d \D \w \W \s \S` outside `\Q...\E` quotes; every other escape is copied as it is.
    static func asciiClasses(_ pattern: String) -> String {
        var result = ""
        var characters = pattern.makeIterator()
        var isQuoted = false
        while let character = characters.next() {
            guard character == "\\", let escaped = characters.next() else {
                result.append(character)
                continue
            }
            if isQuoted {
                isQuoted = escaped != "E"
                result += "\\\(escaped)"
            } else if let replacement = replacements[escaped] {
                result += replacement
            } else {
                isQuoted = escaped == "Q"
                result += "\\\(escaped)"
            }
        }
        return result
    }
}
