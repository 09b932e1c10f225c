/// A compiled `LIKE` pattern: `%` matches any run of characters, `_` exactly one, and the optional escape character
/// makes the next `%`, `_` or escape character literal. Matching is case-sensitive, over Unicode code points, and
/// covers the whole string. The binder compiles a constant pattern once and reuses it for every row.
package struct LikePattern: Sendable, Equatable {
    enum Element: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case one
        case many
    }

    let elements: [Element]

    /// Compiles `pattern`; `escape` must be a single character, and in the pattern it may only precede `%`, `_`
    /// or itself.
    package init(pattern: String, escape: String? = nil) throws(SQLEvaluationError) {
        let escapeScalar = try Self.escapeCharacter(escape)
        var elements: [Element] = []
        var scalars = pattern.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == escapeScalar {
                guard let escaped = scalars.next(), escaped == "%" || escaped == "_" || escaped == escapeScalar else {
                    throw SQLEvaluationError("Invalid escape sequence in LIKE pattern '\(pattern)'")
                }
                elements.append(.literal(escaped))
            } else if scalar == "%" {
                if elements.last != .many { elements.append(.many) }
            } else if scalar == "_" {
                elements.append(.one)
            } else {
                elements.append(.literal(scalar))
            }
        }
        self.elements = elements
    }

    /// The single escape character, or nil for none; anything else is an error, as in the reference.
    static func escapeCharacter(_ escape: String?) throws(SQLEvaluationError) -> Unicode.Scalar? {
        guard let escape else { return nil }
        let scalars = Array(escape.unicodeScalars)
        guard scalars.count == 1 else {
            throw SQLEvaluationError("Invalid escape character '\(escape)': it must be exactly one character")
        }
        return scalars[0]
    }

    /// Whether the whole of `text` matches. Runs in O(text × pattern) at worst: on a mismatch it only backtracks to
    /// the latest `%`.
    package func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var textIndex = 0
        var patternIndex = 0
        var resumePattern = -1
        var resumeText = 0
        while textIndex < input.count {
            if patternIndex < elements.count {
                switch elements[patternIndex] {
                case .many:
                    resumePattern = patternIndex
                    resumeText = textIndex
                    patternIndex += 1
                    continue
                case .one:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .literal(let scalar) where scalar == input[textIndex]:
                    textIndex += 1
                    patternIndex += 1
                    continue
                case .literal:
                    break
                }
            }
            guard resumePattern >= 0 else { return false }
            resumeText += 1
            textIndex = resumeText
            patternIndex = resumePattern + 1
        }
        while patternIndex < elements.count, elements[patternIndex] == .many {
            patternIndex += 1
        }
        return patternIndex == elements.count
    }
}
