import TributaryWire

/// The `@text`, `@json`, `@base64` and `@base64d` formats, and `tostring`.
enum JQFormatting {
    /// `tostring`: a string as it is, anything else as its JSON text.
    static func text(_ value: JQValue) -> String {
        if case .string(let text) = value { return text }
        return value.jsonText
    }

    static func apply(_ format: JQFormat, to value: JQValue) throws(JQFailure) -> String {
        switch format {
        case .text: return text(value)
        case .json: return value.jsonText
        case .base64: return Base64.encode(Array(text(value).utf8))
        case .base64d: return try decodeBase64(text(value), original: value)
        }
    }

    /// jq 1.6's lenient decoder: reads 6 bits per alphabet character up to the first `=` (or the end); any other
    /// byte is an error, and a single character left over ("trailing base64 byte found") too.
    private static func decodeBase64(_ text: String, original: JQValue) throws(JQFailure) -> String {
        var output: [UInt8] = []
        var code: UInt32 = 0
        var pending = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            guard let sextet = sextetValue(byte) else {
                throw JQFailure.type(.string(text), "is not valid base64 data")
            }
            code = code << 6 | UInt32(sextet)
            pending += 1
            if pending == 4 {
                output.append(contentsOf: [UInt8(code >> 16 & 0xFF), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)])
                code = 0
                pending = 0
            }
        }
        switch pending {
        case 3: output.append(contentsOf: [UInt8(code >> 10 & 0xFF), UInt8(code >> 2 & 0xFF)])
        case 2: output.append(UInt8(code >> 4 & 0xFF))
        case 1: throw JQFailure.type(.string(text), "trailing base64 byte found")
        default: break
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func sextetValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a") ... UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
