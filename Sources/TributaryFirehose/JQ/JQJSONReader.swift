/// Reads JSON text (RFC 8259) into `JQValue`s, keeping object members in order and numbers as jq 1.6 does (doubles;
/// a number too large for a double becomes infinity, which prints as the largest double).
///
/// Why not TributaryWire's JSON decoder: it builds `Document`s, whose objects are dictionaries (order lost) and
/// whose strings must be valid UTF-8; jq keeps member order and repairs invalid UTF-8 in a string with U+FFFD.
/// The text may hold several values separated by whitespace (`1 2`), as jq's input may; each is one input.
///
/// Bounds: nesting stops at `JQLimits.inputDepthMax` ("Exceeds depth limit for parsing"), the recursion depth of
/// the reader. `index` only moves forward and every read checks it against `bytes.count`.
struct JQJSONReader {
    /// A failure with the byte offset where it was noticed; callers add line and column.
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every value in `bytes`; throws `JQError.input` for text that is not JSON.
    static func values(_ bytes: [UInt8]) throws -> [JQValue] {
        var reader = JQJSONReader(bytes)
        do throws(Failure) {
            var values: [JQValue] = []
            reader.skipWhitespace()
            while !reader.isAtEnd {
                values.append(try reader.readValue(depth: 0))
                reader.skipWhitespace()
            }
            return values
        } catch {
            throw JQError.input(reader.describe(error))
        }
    }

    /// The one value of `text`, for `fromjson` and `tonumber`; the message names the text as jq does.
    static func single(_ text: String) throws(Failure) -> JQValue {
        var reader = JQJSONReader(Array(text.utf8))
        let quoted = " (while parsing '\(text)')"
        do throws(Failure) {
            reader.skipWhitespace()
            guard !reader.isAtEnd else { throw Failure(message: "Expected JSON value", offset: reader.index) }
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            guard reader.isAtEnd else { throw Failure(message: "Unexpected extra JSON values", offset: reader.index) }
            return value
        } catch {
            if error.message == "Expected JSON value" || error.message == "Unexpected extra JSON values" {
                throw Failure(message: error.message + quoted, offset: error.offset)
            }
            throw Failure(message: reader.describe(error) + quoted, offset: error.offset)
        }
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// `message at line L, column C`, as jq counts: the line from 1, the column as the bytes of the line read so
    /// far, the offending byte included (so at the end of the text the column is the line's length).
    func describe(_ failure: Failure) -> String {
        var line = 1, column = 0
        for byte in bytes[..<min(failure.offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 0 } else { column += 1 }
        }
        guard failure.offset < bytes.count else { return "\(failure.message) at EOF at line \(line), column \(column)" }
        return "\(failure.message) at line \(line), column \(column + 1)"
    }

    func fail(_ message: String) -> Failure { Failure(message: message, offset: index) }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func readValue(depth: Int) throws(Failure) -> JQValue {
        guard index < bytes.count else { throw fail("Unfinished JSON term") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "]"): throw fail("Unmatched ']'")
        case UInt8(ascii: "}"): throw fail("Unmatched '}'")
        case UInt8(ascii: ","): throw fail("Expected value before ','")
        case UInt8(ascii: ":"): throw fail("Expected string key before ':'")
        default: return try readBareword()
        }
    }

    /// A literal or a number: the run of bytes up to white space, punctuation or a quote, judged as a whole like jq's
    /// parser does (a word starting with t, f or n must be a literal, anything else a number), the error placed at
    /// its end.
    private mutating func readBareword() throws(Failure) -> JQValue {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""):
                break
            default:
                index += 1
                continue
            }
            break
        }
        let word = bytes[start ..< index]
        switch word.first {
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if word.elementsEqual("true".utf8) { return .boolean(true) }
            if word.elementsEqual("false".utf8) { return .boolean(false) }
            if word.elementsEqual("null".utf8) { return .null }
            throw fail("Invalid literal")
        default:
            guard let number = Self.number(word) else { throw fail("Invalid numeric literal") }
            return .number(number)
        }
    }

    private mutating func readArray(depth: Int) throws(Failure) -> JQValue {
        guard depth <= JQLimits.inputDepthMax else { throw fail("Exceeds depth limit for parsing") }
        index += 1
        skipWhitespace()
        var elements: [JQValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(JQArray(elements))
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw fail("Expected another array element") }
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fail("Unfinished JSON term") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(JQArray(elements))
            default: throw fail("Expected separator between values")
            }
        }
    }

    private mutating func readObject(depth: Int) throws(Failure) -> JQValue {
        guard depth <= JQLimits.inputDepthMax else { throw fail("Exceeds depth limit for parsing") }
        index += 1
        skipWhitespace()
        var object = JQObject()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("Unfinished JSON term") }
            if bytes[index] == UInt8(ascii: "}") { throw fail("Expected another key-value pair") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw fail("Object keys must be strings") }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count else { throw fail("Unfinished JSON term") }
            guard bytes[index] == UInt8(ascii: ":") else { throw fail("Objects must consist of key:value pairs") }
            index += 1
            skipWhitespace()
            object[key] = try readValue(depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw fail("Unfinished JSON term") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw fail("Expected separator between values")
            }
        }
    }
}
