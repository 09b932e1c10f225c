/// Writes a `Document` as compact JSON bytes (RFC 8259), the body of every AWS JSON 1.1 answer.
///
/// Why hand-made: a 500-entry PutRecords answer is written on the hot path, and going through Foundation would
/// cost a bridge to `NSObject` trees and back.
///
/// Output, per case:
/// - `.null`, `.bool`, `.integer`: `null`, `true`/`false`, decimal digits;
/// - `.double`: the shortest text that reads back as the same value (Swift's `description`, e.g. `2.5`, `1e-07`);
///   NaN and infinities, which JSON cannot carry, become `null`;
/// - `.string`: quoted; `"` and `\` escaped, `\n` `\r` `\t` `\b` `\f` for those controls and `\u00XX` for the
///   other controls below U+0020; everything else, including non-ASCII, written as UTF-8;
/// - `.blob`: a base64 string (RFC 4648, padded);
/// - `.timestamp`: epoch seconds with at most three decimals (milliseconds), e.g. `1700000000.123`, what the AWS
///   SDKs parse;
/// - `.array`, `.object`: no whitespace; object members in the dictionary's order (JSON objects are unordered).
public enum JSONDocumentEncoder {
    public static func encode(_ document: Document) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(document, into: &output)
        return output
    }

    /// Appends the JSON text of `document` to `output`.
    public static func write(_ document: Document, into output: inout [UInt8]) {
        switch document {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .integer(let value): writeInteger(value, into: &output)
        case .double(let value): writeDouble(value, into: &output)
        case .string(let value): writeString(value, into: &output)
        case .blob(let bytes):
            output.append(UInt8(ascii: "\""))
            Base64.encode(bytes, into: &output)
            output.append(UInt8(ascii: "\""))
        case .timestamp(let seconds): writeTimestamp(seconds, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            var isFirst = true
            for element in elements {
                if !isFirst { output.append(UInt8(ascii: ",")) }
                isFirst = false
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var isFirst = true
            for (key, value) in members {
                if !isFirst { output.append(UInt8(ascii: ",")) }
                isFirst = false
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
