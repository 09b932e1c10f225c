/// A Java `DateTimeFormatter` pattern, the value of a `!{timestamp:…}` expression, parsed once and printed for
/// each batch.
///
/// Firehose evaluates these with Java (JDK 16 or later: it accepts the day-period letter `B`), so parsing follows
/// `DateTimeFormatterBuilder.appendPattern`: the same letters are accepted, the same letter counts refused, quotes
/// work the same way (`'text'` is literal, `''` is one quote, also inside a quoted run), `[` and `]` bracket
/// optional sections (always printed: every field of a zoned date-time is present), `p` pads the next field with
/// spaces, and `#`, `{`, `}` are reserved. The reasons in `Invalid` are Java's; AWS reports them all with one
/// message, which `S3PrefixTemplate` supplies.
struct TimestampPattern: Sendable, Equatable {
    /// Why Java would refuse the pattern, in Java's words.
    struct Invalid: Error, Equatable {
        let reason: String
    }

    enum Element: Sendable, Equatable {
        case literal(String)
        /// A run of `count` pattern letters; `padWidth` > 0 when `p` letters precede it.
        case field(letter: Unicode.Scalar, count: Int, padWidth: Int)
    }

    let elements: [Element]

    init(parsing pattern: String) throws(Invalid) {
        let scalars = Array(pattern.unicodeScalars)
        var elements: [Element] = []
        var optionalDepth = 0
        var position = 0
        func appendLiteral(_ text: String) {
            if case .literal(let previous)? = elements.last {
                elements[elements.count - 1] = .literal(previous + text)
            } else {
                elements.append(.literal(text))
            }
        }
        while position < scalars.count {
            let current = scalars[position]
            if Self.isLetter(current) {
                var (letter, count) = Self.run(scalars, from: position)
                position += count
                var padWidth = 0
                if letter == "p" {
                    guard position < scalars.count, Self.isLetter(scalars[position]) else {
                        throw Invalid(reason: "Pad letter 'p' must be followed by valid pad pattern: \(pattern)")
                    }
                    padWidth = count
                    (letter, count) = Self.run(scalars, from: position)
                    position += count
                }
                try Self.checkCount(letter: letter, count: count)
                elements.append(.field(letter: letter, count: count, padWidth: padWidth))
            } else if current == "'" {
                let (text, end) = try Self.quoted(scalars, openingAt: position, pattern: pattern)
                appendLiteral(text)
                position = end + 1
            } else {
                switch current {
                case "[":
                    optionalDepth += 1
                case "]":
                    guard optionalDepth > 0 else {
                        throw Invalid(reason: "Pattern invalid as it contains ] without previous [")
                    }
                    optionalDepth -= 1
                case "{", "}", "#":
                    throw Invalid(reason: "Pattern includes reserved character: '\(current)'")
                default:
                    appendLiteral(String(current))
                }
                position += 1
            }
        }
        self.elements = elements
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    private static func run(_ scalars: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int) {
        var end = start
        while end < scalars.count, scalars[end] == scalars[start] { end += 1 }
        return (scalars[start], end - start)
    }

    /// The text of a quoted literal opening at `start`, and the index of its closing quote.
    private static func quoted(_ scalars: [Unicode.Scalar], openingAt start: Int, pattern: String) throws(Invalid)
        -> (String, Int) {
        var position = start + 1
        var text = ""
        while position < scalars.count {
            if scalars[position] == "'" {
                guard position + 1 < scalars.count, scalars[position + 1] == "'" else { break }
                text.unicodeScalars.append("'")
                position += 2
            } else {
                text.unicodeScalars.append(scalars[position])
                position += 1
            }
        }
        guard position < scalars.count else {
            throw Invalid(reason: "Pattern ends with an incomplete string literal: \(pattern)")
        }
        // An empty quoted run (`''`) is a quote itself.
        return (position == start + 1 ? "'" : text, position)
    }
}
