/// Base64 (RFC 4648, standard alphabet, padded) on bytes: AWS JSON carries every blob this way, so record data on
/// the hot path is encoded and decoded here rather than through Foundation's `Data`.
public enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// 0...63 for alphabet bytes, 0xFF for anything else.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

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
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        alphabet.withUnsafeBufferPointer { table in
            var index = 0
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                output.append(table[Int(chunk >> 18 & 63)])
                output.append(table[Int(chunk >> 12 & 63)])
                output.append(table[Int(chunk >> 6 & 63)])
                output.append(table[Int(chunk & 63)])
                index += 3
            }
            let remaining = bytes.count - index
            if remaining == 1 {
                let chunk = UInt32(bytes[index]) << 16
                output.append(table[Int(chunk >> 18 & 63)])
                output.append(table[Int(chunk >> 12 & 63)])
                output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "=")])
            } else if remaining == 2 {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                output.append(table[Int(chunk >> 18 & 63)])
                output.append(table[Int(chunk >> 12 & 63)])
                output.append(table[Int(chunk >> 6 & 63)])
                output.append(UInt8(ascii: "="))
            }
        }
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes padded or unpadded base64; nil on a byte outside the alphabet, misplaced padding or a length that
    /// cannot be base64.
    public static func decode(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var length = input.count
        var padding = 0
        while length > 0, input[length - 1] == UInt8(ascii: "="), padding < 2 { length -= 1; padding += 1 }
        if padding > 0, input.count % 4 != 0 { return nil }
        if length % 4 == 1 { return nil }
        var output = [UInt8]()
        output.reserveCapacity(length / 4 * 3 + 2)
        return values.withUnsafeBufferPointer { table -> [UInt8]? in
            var index = 0
            while index + 4 <= length {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                if (a | b | c | d) == 0xFF { return nil }
                let chunk = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                output.append(UInt8(chunk >> 16 & 0xFF))
                output.append(UInt8(chunk >> 8 & 0xFF))
                output.append(UInt8(chunk & 0xFF))
                index += 4
            }
            let remaining = length - index
            if remaining == 2 {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                if (a | b) == 0xFF || b & 0x0F != 0 { return nil }
                output.append(a << 2 | b >> 4)
            } else if remaining == 3 {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])], c = table[Int(input[index + 2])]
                if (a | b | c) == 0xFF || c & 0x03 != 0 { return nil }
                output.append(a << 2 | b >> 4)
                output.append((b & 0x0F) << 4 | c >> 2)
            }
            return output
        }
    }
}
