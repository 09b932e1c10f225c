/// Base64 (RFC 4648 §4: standard alphabet `A-Z a-z 0-9 + /`, `=` padding) on bytes.
///
/// Why not Foundation's `Data(base64Encoded:)`: AWS JSON carries every blob, so every record's data on the
/// PutRecords and GetRecords hot paths, as base64 text; working on `[UInt8]` and raw buffers avoids the bridging
/// and copies. Encoding always pads. Decoding accepts padded and unpadded text and refuses (nil) a byte outside the
/// alphabet, padding anywhere but the end or of the wrong amount, a length that no byte count encodes to
/// (4n + 1), and nonzero bits left over in the last character (so each byte string has exactly one encoding).
/// Whitespace is not allowed.
public enum Base64 {
    private static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// 0...63 for alphabet bytes, 0xFF for anything else.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for value in 0 ..< 64 { table[Int(alphabet.utf8Start[value])] = UInt8(value) }
        return table
    }()

    /// The length of the padded encoding of `byteCount` bytes.
    public static func encodedCount(of byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    public static func encode(_ bytes: [UInt8]) -> String {
        String(decoding: encodeBytes(bytes), as: UTF8.self)
    }

    public static func encodeBytes(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        encode(bytes, into: &output)
        return output
    }

    /// Appends the base64 text of `bytes` to `output`.
    public static func encode(_ bytes: [UInt8], into output: inout [UInt8]) {
        bytes.withUnsafeBytes { encode($0, into: &output) }
    }

    /// Appends the base64 text of `bytes` to `output`.
    public static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let oldCount = output.count
        let addedCount = encodedCount(of: bytes.count)
        guard addedCount > 0 else { return }
        output.append(contentsOf: repeatElement(0, count: addedCount))
        output.withUnsafeMutableBufferPointer { buffer in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[oldCount...])
            let table = alphabet.utf8Start
            var source = 0, position = 0
            while source + 3 <= bytes.count {
                let chunk = UInt32(bytes[source]) << 16 | UInt32(bytes[source + 1]) << 8 | UInt32(bytes[source + 2])
                target[position] = table[Int(chunk >> 18 & 63)]
                target[position + 1] = table[Int(chunk >> 12 & 63)]
                target[position + 2] = table[Int(chunk >> 6 & 63)]
                target[position + 3] = table[Int(chunk & 63)]
                source += 3
                position += 4
            }
            let remaining = bytes.count - source
            guard remaining > 0 else { return }
            let second = remaining == 2 ? UInt32(bytes[source + 1]) : 0
            let chunk = UInt32(bytes[source]) << 16 | second << 8
            target[position] = table[Int(chunk >> 18 & 63)]
            target[position + 1] = table[Int(chunk >> 12 & 63)]
            target[position + 2] = remaining == 2 ? table[Int(chunk >> 6 & 63)] : UInt8(ascii: "=")
            target[position + 3] = UInt8(ascii: "=")
        }
    }

    /// Decodes padded or unpadded base64 text; nil when it is not base64 (see the type's description).
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes padded or unpadded base64 text; nil when it is not base64 (see the type's description).
    public static func decode(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var length = input.count
        if input.count % 4 == 0 {
            var padding = 0
            while length > 0, padding < 2, input[length - 1] == UInt8(ascii: "=") { length -= 1; padding += 1 }
        }
        if length % 4 == 1 { return nil }
        let decodedCount = length / 4 * 3 + max(0, length % 4 - 1)
        var isValid = true
        let output = values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: decodedCount) { target, initializedCount in
                initializedCount = 0
                var source = 0, position = 0
                while source + 4 <= length {
                    let a = table[Int(input[source])], b = table[Int(input[source + 1])]
                    let c = table[Int(input[source + 2])], d = table[Int(input[source + 3])]
                    guard (a | b | c | d) & 0xC0 == 0 else { isValid = false; return }
                    let chunk = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    target[position] = UInt8(truncatingIfNeeded: chunk >> 16)
                    target[position + 1] = UInt8(truncatingIfNeeded: chunk >> 8)
                    target[position + 2] = UInt8(truncatingIfNeeded: chunk)
                    source += 4
                    position += 3
                }
                switch length - source {
                case 2:
                    let a = table[Int(input[source])], b = table[Int(input[source + 1])]
                    guard (a | b) & 0xC0 == 0, b & 0x0F == 0 else { isValid = false; return }
                    target[position] = a << 2 | b >> 4
                case 3:
                    let a = table[Int(input[source])], b = table[Int(input[source + 1])]
                    let c = table[Int(input[source + 2])]
                    guard (a | b | c) & 0xC0 == 0, c & 0x03 == 0 else { isValid = false; return }
                    target[position] = a << 2 | b >> 4
                    target[position + 1] = (b & 0x0F) << 4 | c >> 2
                default:
                    break
                }
                initializedCount = decodedCount
            }
        }
        return isValid ? output : nil
    }
}
