/// Compact JSON text as jq 1.6 prints it (`jq -c`): no spaces, members in insertion order, numbers by
/// `JQNumberText`, and strings with `"`, `\` and the control characters U+0000…U+001F and U+007F escaped
/// (`\b \f \n \r \t`, else `\u00XX` in lower-case hex); everything else, `/` and non-ASCII included, is written as is.
extension JQValue {
    public var jsonText: String {
        var output: [UInt8] = []
        output.reserveCapacity(min(weight, 1 << 16))
        writeJSON(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func writeJSON(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: JQNumberText.text(number).utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for (index, element) in array.elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.writeJSON(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.writeJSON(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let needsEscapes = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C }
        if !needsEscapes {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00 ..< 0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The first bytes of the JSON text as jq 1.6 quotes a value in an error message: at most 11 bytes, followed by
    /// `...` when cut (`"a very lon...`).
    var truncatedJSONText: String {
        var output: [UInt8] = []
        writeJSONPrefix(into: &output, limit: 15)
        guard output.count > 14 else { return String(decoding: output, as: UTF8.self) }
        return String(decoding: output[..<11], as: UTF8.self) + "..."
    }

    /// Writes the JSON text but stops soon after `limit` bytes, so quoting a huge value costs little.
    private func writeJSONPrefix(into output: inout [UInt8], limit: Int) {
        switch self {
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for (index, element) in array.elements.enumerated() where output.count <= limit {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.writeJSONPrefix(into: &output, limit: limit)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.entries.enumerated() where output.count <= limit {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(String(decoding: member.key.utf8.prefix(limit), as: UTF8.self), into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.writeJSONPrefix(into: &output, limit: limit)
            }
            output.append(UInt8(ascii: "}"))
        case .string(let text):
            Self.writeString(String(decoding: text.utf8.prefix(limit + 1), as: UTF8.self), into: &output)
        default:
            writeJSON(into: &output)
        }
    }
}
