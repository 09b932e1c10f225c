/// The cursor of one JSON parse: reads values from the bytes `start ..< start + count` into `Document`s.
///
/// `index` is the byte offset of the next unread byte and only moves forward; every read checks it against `count`
/// first, so no byte outside the buffer is touched. The buffer belongs to the caller and must outlive the parser
/// (it lives only inside `JSONDocumentDecoder.decode`). Strings, numbers and escapes are read in
/// `JSONParser+Strings.swift` and `JSONParser+Numbers.swift`.
struct JSONParser {
    let start: UnsafeRawPointer
    let count: Int
    var index = 0
    /// Reused for strings that contain escapes, so they cost one allocation less each.
    var scratch: [UInt8] = []

    /// An empty dictionary with room for a few members: copying it on the first insert is cheaper than building
    /// new storage (no generic metadata lookup), and it spares the growth steps of an empty literal.
    private static let emptyMembers = [String: Document](minimumCapacity: 4)

    init(start: UnsafeRawPointer, count: Int) {
        self.start = start
        self.count = count
    }

    var isAtEnd: Bool { index >= count }

    /// The byte at `offset`; the caller has checked `offset < count`.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        start.load(fromByteOffset: offset, as: UInt8.self)
    }

    func error(_ text: String) -> DocumentDecodingError {
        DocumentDecodingError("\(text) at offset \(index)")
    }

    mutating func skipWhitespace() {
        while index < count {
            switch byte(at: index) {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Reads one value starting at `index` (whitespace already skipped); `depth` counts the enclosing containers.
    mutating func parseValue(depth: Int) throws -> Document {
        guard index < count else { throw error("Unexpected end of JSON input") }
        switch byte(at: index) {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case let other where other >= 0x20 && other < 0x7F:
            throw error("Unexpected character '\(Character(Unicode.Scalar(other)))'")
        case let other:
            throw error("Unexpected byte 0x\(String(other, radix: 16))")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { throw error("Invalid literal") }
        for offset in 0 ..< length where byte(at: index + offset) != literal.utf8Start[offset] {
            throw error("Invalid literal")
        }
        index += length
    }

    private mutating func parseObject(depth: Int) throws -> Document {
        guard depth <= WireLimits.nestingDepthMax else { throw error("JSON nested too deeply") }
        index += 1
        skipWhitespace()
        guard index < count else { throw error("Unexpected end of JSON input") }
        if byte(at: index) == UInt8(ascii: "}") { index += 1; return .object([:]) }
        // AWS request objects are small; one allocation covers the usual member count.
        var members = Self.emptyMembers
        while true {
            guard index < count, byte(at: index) == UInt8(ascii: "\"") else { throw error("Expected a member name") }
            let key = try parseString()
            skipWhitespace()
            guard index < count, byte(at: index) == UInt8(ascii: ":") else { throw error("Expected ':'") }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            guard index < count else { throw error("Unexpected end of JSON input") }
            switch byte(at: index) {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw error("Expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> Document {
        guard depth <= WireLimits.nestingDepthMax else { throw error("JSON nested too deeply") }
        index += 1
        skipWhitespace()
        guard index < count else { throw error("Unexpected end of JSON input") }
        if byte(at: index) == UInt8(ascii: "]") { index += 1; return .array([]) }
        var elements: [Document] = []
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < count else { throw error("Unexpected end of JSON input") }
            switch byte(at: index) {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw error("Expected ',' or ']'")
            }
        }
    }
}
