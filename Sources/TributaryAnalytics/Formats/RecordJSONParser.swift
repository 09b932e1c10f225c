/// Reads the JSON values of one source record into `RecordJSONValue`s.
///
/// A record may hold one JSON value or several, separated by whitespace or simply concatenated (JSON Lines in a
/// reference object, `{...}{...}` as Kinesis Data Analytics' own JSON output writes them); each becomes one value. Strict RFC 8259 otherwise:
/// no trailing commas, no comments, strings without raw control characters. Invalid UTF-8 inside strings is
/// replaced with U+FFFD rather than rejected, as a record's text is decoded everywhere else.
public struct RecordJSONParser {
    /// How deeply arrays and objects may nest, so a hostile record cannot exhaust the stack.
    public static let nestingDepthMax = 256

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Every JSON value of `bytes`, in order; an empty or all-whitespace record has none.
    public static func values(of bytes: [UInt8]) throws(RecordJSONError) -> [RecordJSONValue] {
        var parser = RecordJSONParser(bytes)
        var values: [RecordJSONValue] = []
        parser.skipWhitespace()
        while parser.index < bytes.count {
            let value = try parser.parseValue(depth: 0)
            values.append(value)
            let valueEnd = parser.index
            parser.skipWhitespace()
            // Values may touch only where one of them is delimited (`{}{}`, `"a""b"`), never `12` as 1 and 2.
            if parser.index == valueEnd, parser.index < bytes.count, !value.isDelimited,
               ![UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\"")].contains(bytes[parser.index]) {
                throw parser.error("Unexpected data after a JSON value")
            }
        }
        return values
    }

    private func error(_ text: String) -> RecordJSONError {
        RecordJSONError("\(text) at offset \(index)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(RecordJSONError) -> RecordJSONValue {
        guard index < bytes.count else { throw error("Unexpected end of JSON input") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: throw error("Unexpected character")
        }
    }

    private mutating func expect(_ literal: String) throws(RecordJSONError) {
        for expected in literal.utf8 {
            guard index < bytes.count, bytes[index] == expected else { throw error("Invalid literal") }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(RecordJSONError) -> RecordJSONValue {
        guard depth <= Self.nestingDepthMax else { throw error("JSON nested too deeply") }
        index += 1
        var members: [(name: String, value: RecordJSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("Expected a member name") }
            let name = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("Expected ':'") }
            index += 1
            skipWhitespace()
            members.append((name, try parseValue(depth: depth)))
            skipWhitespace()
            guard index < bytes.count else { throw error("Unexpected end of JSON input") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error("Expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(RecordJSONError) -> RecordJSONValue {
        guard depth <= Self.nestingDepthMax else { throw error("JSON nested too deeply") }
        index += 1
        var elements: [RecordJSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("Unexpected end of JSON input") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error("Expected ',' or ']'")
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func parseNumber() throws(RecordJSONError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("Invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("Invalid number") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("Invalid number") }
            skipDigits()
        }
        return String(decoding: bytes[start ..< index], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func parseString() throws(RecordJSONError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start ..< index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error("Control character in string") }
            index += 1
        }
        var scratch = Array(bytes[start ..< index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(into: &scratch)
            default:
                guard byte >= 0x20 else { throw error("Control character in string") }
                scratch.append(byte)
                index += 1
            }
        }
        throw error("Unterminated string")
    }

    private mutating func appendEscape(into scratch: inout [UInt8]) throws(RecordJSONError) {
        guard index < bytes.count else { throw error("Unterminated string") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHexQuad()
            if (0xD800 ... 0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("Unpaired surrogate") }
                index += 2
                let low = try parseHexQuad()
                guard (0xDC00 ... 0xDFFF).contains(low) else { throw error("Unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00 ... 0xDFFF).contains(scalar) {
                throw error("Unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("Invalid escape") }
            scratch.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw error("Invalid escape")
        }
    }

    private mutating func parseHexQuad() throws(RecordJSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("Invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("Invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

/// A record that is not well-formed JSON; the message says what and at which byte offset.
public struct RecordJSONError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
