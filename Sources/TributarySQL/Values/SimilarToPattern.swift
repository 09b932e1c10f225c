import Foundation

/// A compiled `SIMILAR TO` pattern (SQL:2003): `%` and `_` as in LIKE, alternation `|`, grouping `( )`, the
/// quantifiers `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`, and bracket expressions `[abc]`, `[a-z]`, `[^...]` with the
/// classes `[:ALPHA:]`, `[:UPPER:]`, `[:LOWER:]`, `[:DIGIT:]`, `[:ALNUM:]`, `[:SPACE:]`, `[:WHITESPACE:]`. The
/// pattern must match the whole string. Every other character, including regular-expression metacharacters such as
/// `.`, `^`, `$` and `\`, stands for itself; the escape character makes the next character literal.
///
/// It is translated once into an ICU regular expression; the binder compiles a constant pattern once.
package struct SimilarToPattern: Sendable {
    let expression: NSRegularExpression

    package init(pattern: String, escape: String? = nil) throws(SQLEvaluationError) {
        let escapeScalar = try LikePattern.escapeCharacter(escape)
        var translator = Translator(source: Array(pattern.unicodeScalars), escape: escapeScalar, pattern: pattern)
        let body = try translator.translate()
        do {
            expression = try NSRegularExpression(pattern: "\\A(?:" + body + ")\\z",
                                                 options: [.dotMatchesLineSeparators])
        } catch {
            throw Translator.invalid(pattern)
        }
    }

    package func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Walks the SQL pattern and writes the equivalent ICU syntax.
    private struct Translator {
        let source: [Unicode.Scalar]
        let escape: Unicode.Scalar?
        let pattern: String
        var index = 0
        var output = ""

        init(source: [Unicode.Scalar], escape: Unicode.Scalar?, pattern: String) {
            self.source = source
            self.escape = escape
            self.pattern = pattern
        }

        static func invalid(_ pattern: String) -> SQLEvaluationError {
            SQLEvaluationError("Invalid regular expression '\(pattern)' for SIMILAR TO")
        }

        mutating func translate() throws(SQLEvaluationError) -> String {
            while index < source.count {
                let scalar = source[index]
                index += 1
                if scalar == escape {
                    guard index < source.count else { throw Self.invalid(pattern) }
                    output += Self.literal(source[index])
                    index += 1
                    continue
                }
                switch scalar {
                case "%": output += ".*"
                case "_": output += "."
                case "|", "*", "+", "?", ")": output.unicodeScalars.append(scalar)
                case "(": output += "(?:"
                case "{": try copyBounds()
                case "[": try copyBracket()
                default: output += Self.literal(scalar)
                }
            }
            return output
        }

        /// `{m}`, `{m,}` or `{m,n}`, copied as is after checking its shape.
        private mutating func copyBounds() throws(SQLEvaluationError) {
            var text = ""
            while index < source.count, source[index] != "}" {
                text.unicodeScalars.append(source[index])
                index += 1
            }
            guard index < source.count else { throw Self.invalid(pattern) }
            index += 1
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let low = Int(parts[0]), low >= 0 else { throw Self.invalid(pattern) }
            if parts.count == 2, !parts[1].isEmpty {
                guard let high = Int(parts[1]), high >= low else { throw Self.invalid(pattern) }
            }
            output += "{" + text + "}"
        }

        /// A bracket expression up to its closing `]`.
        private mutating func copyBracket() throws(SQLEvaluationError) {
            output += "["
            if index < source.count, source[index] == "^" {
                output += "^"
                index += 1
            }
            var members = 0
            while index < source.count {
                let scalar = source[index]
                index += 1
                if scalar == "]" && members > 0 {
                    output += "]"
                    return
                }
                members += 1
                if scalar == escape {
                    guard index < source.count else { throw Self.invalid(pattern) }
                    output += Self.literal(source[index])
                    index += 1
                } else if scalar == "[" && index < source.count && source[index] == ":" {
                    output += try namedClass()
                } else if scalar == "-" && members > 1 && index < source.count && source[index] != "]" {
                    output += "-"
                } else {
                    output += Self.literal(scalar)
                }
            }
            throw Self.invalid(pattern)
        }

        /// `[:NAME:]` inside a bracket expression (the `[` already read).
        private mutating func namedClass() throws(SQLEvaluationError) -> String {
            var name = ""
            index += 1
            while index + 1 < source.count, !(source[index] == ":" && source[index + 1] == "]") {
                name.unicodeScalars.append(source[index])
                index += 1
            }
            guard index + 1 < source.count else { throw Self.invalid(pattern) }
            index += 2
            switch name.uppercased() {
            case "ALPHA": return "\\p{Alpha}"
            case "UPPER": return "\\p{Upper}"
            case "LOWER": return "\\p{Lower}"
            case "DIGIT": return "\\p{Digit}"
            case "ALNUM": return "\\p{Alnum}"
            case "SPACE": return " "
            case "WHITESPACE": return "\\s"
            default: throw Self.invalid(pattern)
            }
        }

        /// The character as an ICU literal: ASCII punctuation is backslash-quoted, everything else stands as is.
        static func literal(_ scalar: Unicode.Scalar) -> String {
            if scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && scalar != " " {
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    return String(format: "\\x{%X}", scalar.value)
                }
                return "\\" + String(scalar)
            }
            return String(scalar)
        }
    }
}
