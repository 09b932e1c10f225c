/// String builtins whose behaviour is jq 1.6's own: splitting, trimming and ASCII case.
enum JQStrings {
    /// `split(sep)` and `string / string`: an empty input gives `[]`; an empty separator splits into code points;
    /// otherwise the pieces between occurrences of `separator` (bytes compared), empty pieces kept.
    static func split(_ text: String, by separator: String) -> [String] {
        guard !text.isEmpty else { return [] }
        guard !separator.isEmpty else { return text.unicodeScalars.map { String($0) } }
        let bytes = Array(text.utf8), pin = Array(separator.utf8)
        var pieces: [String] = []
        var pieceStart = 0, position = 0
        while position + pin.count <= bytes.count {
            if bytes[position] == pin[0], bytes[position ..< position + pin.count].elementsEqual(pin) {
                pieces.append(String(decoding: bytes[pieceStart ..< position], as: UTF8.self))
                position += pin.count
                pieceStart = position
            } else {
                position += 1
            }
        }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        return pieces
    }

    /// `ascii_downcase` / `ascii_upcase`: only A–Z / a–z change.
    static func asciiCase(_ text: String, upper: Bool) -> String {
        let range = upper ? UInt8(ascii: "a") ... UInt8(ascii: "z") : UInt8(ascii: "A") ... UInt8(ascii: "Z")
        let bytes = text.utf8.map { range.contains($0) ? $0 ^ 0x20 : $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    static func droppingPrefix(_ text: String, _ count: Int) -> String {
        String(decoding: text.utf8.dropFirst(count), as: UTF8.self)
    }

    static func droppingSuffix(_ text: String, _ count: Int) -> String {
        String(decoding: text.utf8.dropLast(count), as: UTF8.self)
    }
}
