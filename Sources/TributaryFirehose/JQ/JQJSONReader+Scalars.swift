/// Strings and numbers of JSON input.
///
/// Strings: escapes `\" \\ \/ \b \f \n \r \t \uXXXX`; a high surrogate escape must be followed by a low one (else
/// "Invalid \uXXXX\uXXXX surrogate pair escape", as jq), a lone low surrogate becomes U+FFFD, raw control characters
/// are refused, and bytes that are not UTF-8 become U+FFFD. Numbers: see `number(_:)`; converted with correct
/// rounding by the standard library.
extension JQJSONReader {
    mutating func readString() throws(Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
              bytes[index] >= 0x20 {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start ..< index - 1], as: UTF8.self)
        }
        var text = Array(bytes[start ..< index])
        while true {
            guard index < bytes.count else { throw fail("Unfinished string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try readEscape(into: &text)
            case 0 ..< 0x20:
                throw fail("Invalid string: control characters from U+0000 through U+001F must be escaped")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    private mutating func readEscape(into text: inout [UInt8]) throws(Failure) {
        guard index < bytes.count else { throw fail("Unfinished string") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexUnit()
            var scalar: Unicode.Scalar = "\u{FFFD}"
            if (0xD800 ..< 0xDC00).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw fail("Invalid \\uXXXX\\uXXXX surrogate pair escape") }
                index += 2
                let low = try readHexUnit()
                guard (0xDC00 ..< 0xE000).contains(low) else {
                    throw fail("Invalid \\uXXXX\\uXXXX surrogate pair escape")
                }
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? scalar
            } else if let plain = Unicode.Scalar(unit) {
                scalar = plain
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw fail("Invalid escape")
        }
    }

    private mutating func readHexUnit() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("Invalid escape") }
        var unit: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("Invalid escape")
            }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }

    /// The value of `word` read as jq 1.6 reads numbers (David Gay's `strtod` over the whole word): an optional sign,
    /// digits with an optional point (`01`, `1.`, `.5`, `+1` as well as RFC 8259 numbers), an optional exponent;
    /// or `inf`, `infinity`, `nan` in any case. Hexadecimal and everything else is refused.
    static func number(_ word: ArraySlice<UInt8>) -> Double? {
        var position = word.startIndex
        func isDigit(_ offset: Int) -> Bool {
            offset < word.endIndex && word[offset] >= UInt8(ascii: "0") && word[offset] <= UInt8(ascii: "9")
        }
        if position < word.endIndex, word[position] == UInt8(ascii: "-") || word[position] == UInt8(ascii: "+") {
            position += 1
        }
        let lowered = String(decoding: word[position...], as: UTF8.self).lowercased()
        if lowered == "inf" || lowered == "infinity" || lowered == "nan" {
            return Double(String(decoding: word, as: UTF8.self).lowercased())
        }
        var digitCount = 0
        while isDigit(position) { position += 1; digitCount += 1 }
        if position < word.endIndex, word[position] == UInt8(ascii: ".") {
            position += 1
            while isDigit(position) { position += 1; digitCount += 1 }
        }
        guard digitCount > 0 else { return nil }
        if position < word.endIndex, word[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < word.endIndex, word[position] == UInt8(ascii: "+") || word[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
        }
        guard position == word.endIndex else { return nil }
        var text = Array(word)
        if text.last == UInt8(ascii: ".") { text.append(UInt8(ascii: "0")) }
        if let point = text.firstIndex(of: UInt8(ascii: ".")), point + 1 < text.count,
           text[point + 1] | 0x20 == UInt8(ascii: "e") {
            text.insert(UInt8(ascii: "0"), at: point + 1)
        }
        return Double(String(decoding: text, as: UTF8.self))
    }
}
