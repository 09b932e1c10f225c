/// String literals of a program: `"text \(expression) text"`.
///
/// The parser calls `readStringPart` right after the opening quote and again after each interpolation's closing
/// parenthesis; each call returns the text up to the closing quote or the next `\(`. Escapes are JSON's
/// (`\" \\ \/ \b \f \n \r \t \uXXXX`, surrogate pairs joined) plus `\(`.
extension JQLexer {
    mutating func readStringPart() throws(JQError) -> (text: String, endsString: Bool) {
        var text: [UInt8] = []
        while true {
            guard let character = byte(at: position) else {
                throw syntaxError("unterminated string literal", at: position)
            }
            position += 1
            switch character {
            case UInt8(ascii: "\""):
                return (String(decoding: text, as: UTF8.self), true)
            case UInt8(ascii: "\\"):
                if byte(at: position) == UInt8(ascii: "(") {
                    position += 1
                    return (String(decoding: text, as: UTF8.self), false)
                }
                try readEscape(into: &text)
            default:
                text.append(character)
            }
        }
    }

    private mutating func readEscape(into text: inout [UInt8]) throws(JQError) {
        let start = position - 1
        guard let letter = byte(at: position) else { throw syntaxError("unterminated string literal", at: position) }
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexUnit(escapeStart: start)
            var scalar: Unicode.Scalar = "\u{FFFD}"
            if (0xD800 ..< 0xDC00).contains(unit) {
                guard byte(at: position) == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u") else {
                    throw syntaxError("Invalid \\uXXXX\\uXXXX surrogate pair escape", at: start)
                }
                position += 2
                let low = try readHexUnit(escapeStart: start)
                guard (0xDC00 ..< 0xE000).contains(low) else {
                    throw syntaxError("Invalid \\uXXXX\\uXXXX surrogate pair escape", at: start)
                }
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? scalar
            } else if let plain = Unicode.Scalar(unit) {
                scalar = plain
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw syntaxError("Invalid escape", at: start)
        }
    }

    private mutating func readHexUnit(escapeStart: Int) throws(JQError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let byte = byte(at: position), let digit = Self.hexValue(byte) else {
                throw syntaxError("Invalid escape", at: escapeStart)
            }
            unit = unit << 4 | UInt32(digit)
            position += 1
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
