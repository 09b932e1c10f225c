/// Writes a `Document` as compact JSON bytes.
///
/// Blobs become base64 strings, timestamps epoch seconds with millisecond precision (what the AWS SDKs parse),
/// doubles their shortest round-trip form; non-finite doubles become null. Strings are escaped per RFC 8259.
public enum JSONDocumentEncoder {
    public static func encode(_ document: Document) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(document, into: &output)
        return output
    }

    static func write(_ document: Document, into output: inout [UInt8]) {
        switch document {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value):
            if value.isFinite { output.append(contentsOf: value.description.utf8) } else { output.append(contentsOf: "null".utf8) }
        case .string(let value): writeString(value, into: &output)
        case .blob(let bytes):
            output.append(UInt8(ascii: "\""))
            Base64.encode(bytes, into: &output)
            output.append(UInt8(ascii: "\""))
        case .timestamp(let seconds): writeTimestamp(seconds, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in members {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeTimestamp(_ seconds: Double, into output: inout [UInt8]) {
        guard seconds.isFinite else { output.append(contentsOf: "null".utf8); return }
        let milliseconds = Int64((seconds * 1000).rounded())
        guard milliseconds >= 0 else { output.append(contentsOf: (Double(milliseconds) / 1000).description.utf8); return }
        output.append(contentsOf: String(milliseconds / 1000).utf8)
        let fraction = milliseconds % 1000
        if fraction != 0 {
            output.append(UInt8(ascii: "."))
            let digits = String(fraction)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 3 - digits.count))
            output.append(contentsOf: digits.utf8)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
