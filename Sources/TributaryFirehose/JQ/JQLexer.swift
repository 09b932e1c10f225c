/// Splits a jq program into tokens on demand; the parser pulls one token at a time and reads string literals
/// through `readStringPart` (see `JQToken`).
///
/// `position` is the byte offset of the next unread byte and only moves forward; comments run from `#` to the end
/// of the line. Every failure is a `JQError.syntax` naming its line and column.
struct JQLexer {
    let source: [UInt8]
    var position = 0

    init(_ source: String) { self.source = Array(source.utf8) }

    /// Three-character operators first, then two, then one, so the longest match wins.
    private static let symbols: [String] = [
        "//=", "?//",
        "==", "!=", "<=", ">=", "//", "|=", "+=", "-=", "*=", "/=", "%=",
        "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "?", "+", "-", "*", "/", "%", "<", ">", "=",
    ].sorted { $0.utf8.count > $1.utf8.count }

    /// `message at line L, column C` for the byte offset `offset`.
    func syntaxError(_ message: String, at offset: Int) -> JQError {
        var line = 1, column = 1
        for byte in source[..<min(offset, source.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return JQError.syntax("\(message) at line \(line), column \(column)")
    }

    func byte(at offset: Int) -> UInt8? { offset < source.count ? source[offset] : nil }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipSpaceAndComments() {
        while let byte = byte(at: position) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            case UInt8(ascii: "#"):
                while let next = self.byte(at: position), next != 0x0A { position += 1 }
            default: return
            }
        }
    }

    /// The next token and the offset where it starts.
    mutating func next() throws(JQError) -> (token: JQToken, offset: Int) {
        skipSpaceAndComments()
        let start = position
        guard let byte = byte(at: position) else { return (.end, start) }
        if byte == UInt8(ascii: ".") {
            return (try readDot(), start)
        }
        if Self.isDigit(byte) { return (.number(try readNumber()), start) }
        if Self.isIdentifierStart(byte) { return (.identifier(readName()), start) }
        if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@") {
            position += 1
            guard let first = self.byte(at: position), Self.isIdentifierStart(first) else {
                throw syntaxError("'\(Character(Unicode.Scalar(byte)))' must be followed by a name", at: start)
            }
            let name = readName()
            return (byte == UInt8(ascii: "$") ? .variable(name) : .format(name), start)
        }
        if byte == UInt8(ascii: "\"") {
            position += 1
            return (.stringStart, start)
        }
        for symbol in Self.symbols where source[position...].starts(with: symbol.utf8) {
            position += symbol.utf8.count
            return (.symbol(symbol), start)
        }
        let shown = (0x20 ..< 0x80).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x\(String(byte, radix: 16))"
        throw syntaxError("unexpected character \(shown)", at: start)
    }

    private mutating func readName() -> String {
        let start = position
        while let byte = byte(at: position), Self.isIdentifierPart(byte) { position += 1 }
        return String(decoding: source[start ..< position], as: UTF8.self)
    }

    /// `.`, `..`, `.name` or a number such as `.5`.
    private mutating func readDot() throws(JQError) -> JQToken {
        if let next = byte(at: position + 1), Self.isDigit(next) {
            return .number(try readNumber())
        }
        position += 1
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            return .dotDot
        }
        if let next = byte(at: position), Self.isIdentifierStart(next) {
            return .field(readName())
        }
        return .dot
    }

    /// `([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?`, as jq's lexer; a letter, digit or dot right after is refused.
    private mutating func readNumber() throws(JQError) -> Double {
        let start = position
        var text: [UInt8] = [UInt8(ascii: "0")]
        while let byte = byte(at: position), Self.isDigit(byte) { text.append(byte); position += 1 }
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            text.append(UInt8(ascii: "."))
            let fractionStart = position
            while let byte = byte(at: position), Self.isDigit(byte) { text.append(byte); position += 1 }
            if position == fractionStart { text.append(UInt8(ascii: "0")) }
        }
        if let marker = byte(at: position), marker | 0x20 == UInt8(ascii: "e") {
            var probe = position + 1
            if byte(at: probe) == UInt8(ascii: "+") || byte(at: probe) == UInt8(ascii: "-") { probe += 1 }
            if let digit = byte(at: probe), Self.isDigit(digit) {
                text.append(contentsOf: source[position ..< probe])
                position = probe
                while let byte = byte(at: position), Self.isDigit(byte) { text.append(byte); position += 1 }
            }
        }
        if let after = byte(at: position), Self.isIdentifierPart(after) || after == UInt8(ascii: ".") {
            throw syntaxError("Invalid numeric literal", at: start)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else {
            throw syntaxError("Invalid numeric literal", at: start)
        }
        return value
    }
}
