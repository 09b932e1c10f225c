/// Reading JSON strings (RFC 8259 §7).
///
/// The common case, a string with no escapes, is scanned eight bytes at a time and copied into a `String` once.
/// Strings with escapes are assembled in the parser's reusable `scratch` buffer. Either way the bytes are
/// checked to be UTF-8 before a `String` is made: pure ASCII needs no further check, anything else goes
/// through `UTF8Validator`.
extension JSONParser {
    /// Eight copies of `byte`, for comparing a whole word at once.
    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Nonzero when some byte of `word` is a quote, a backslash or below 0x20 (the bytes that end a plain run).
    /// Bits may also be set above a true match (borrows), never without one.
    @inline(__always)
    private static func specialBytesMask(_ word: UInt64) -> UInt64 {
        let ones = repeated(0x01), highBits = repeated(0x80)
        let quote = word ^ repeated(UInt8(ascii: "\""))
        let backslash = word ^ repeated(UInt8(ascii: "\\"))
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- repeated(0x20)) & ~word
        return (zeroQuote | zeroBackslash | control) & highBits
    }

    /// Reads a string whose opening quote is at `index`; leaves `index` after the closing quote.
    mutating func parseString() throws -> String {
        index += 1
        let runStart = index
        var seenBits: UInt64 = 0
        while index + 8 <= count {
            let word = start.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if Self.specialBytesMask(word) != 0 { break }
            seenBits |= word
            index += 8
        }
        while index < count {
            let byte = byte(at: index)
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeRawBufferPointer(start: start + runStart, count: index - runStart)
                index += 1
                return try makeString(run, isASCII: seenBits & Self.repeated(0x80) == 0)
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: runStart) }
            if byte < 0x20 { throw error("Control character in string") }
            seenBits |= UInt64(byte)
            index += 1
        }
        throw error("Unterminated string")
    }

    /// Continues a string at its first backslash (`index`), with the plain bytes since `runStart` already read.
    private mutating func parseEscapedString(from runStart: Int) throws -> String {
        var buffer = scratch
        scratch = []
        defer { buffer.removeAll(keepingCapacity: true); scratch = buffer }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: start + runStart, count: index - runStart))
        while index < count {
            let byte = byte(at: index)
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try buffer.withUnsafeBytes { try makeString($0, isASCII: false) }
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(into: &buffer)
            case 0 ..< 0x20:
                throw error("Control character in string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw error("Unterminated string")
    }

    private func makeString(_ bytes: UnsafeRawBufferPointer, isASCII: Bool) throws -> String {
        guard isASCII || UTF8Validator.isValid(bytes) else { throw error("Invalid UTF-8 in string") }
        return String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Appends the character of the escape whose backslash was just read.
    private mutating func appendEscape(into buffer: inout [UInt8]) throws {
        guard index < count else { throw error("Unterminated string") }
        let escape = byte(at: index)
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): appendUTF8(of: try readEscapedScalar(), into: &buffer)
        default: throw error("Invalid escape")
        }
    }

    /// Reads the `XXXX` of a `\u` escape, and the low half that must follow a high surrogate.
    private mutating func readEscapedScalar() throws -> UInt32 {
        let first = try readHex4()
        switch first {
        case 0xD800 ... 0xDBFF:
            guard index + 1 < count, byte(at: index) == UInt8(ascii: "\\"), byte(at: index + 1) == UInt8(ascii: "u")
            else { throw error("Unpaired surrogate in string") }
            index += 2
            let low = try readHex4()
            guard (0xDC00 ... 0xDFFF).contains(low) else { throw error("Unpaired surrogate in string") }
            return 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00 ... 0xDFFF:
            throw error("Unpaired surrogate in string")
        default:
            return first
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= count else { throw error("Invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = byte(at: index)
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: throw error("Invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Appends the UTF-8 form of `scalar` (never a surrogate: `readEscapedScalar` has combined or refused those).
    private func appendUTF8(of scalar: UInt32, into buffer: inout [UInt8]) {
        switch scalar {
        case 0 ..< 0x80:
            buffer.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800 ..< 0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
