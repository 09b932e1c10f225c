/// Whether text is a blob AWS's JSON deserializer accepts: base64 whose length is a multiple of 4, with at most
/// two `=` of padding and no stray bits in the last character, exactly what `Base64.decode` accepts for such text.
///
/// Why not just decode: validation runs on every PutRecordBatch, whose records hold up to 4 MiB of base64, and
/// checking without building the bytes takes a fraction of the time (the service decodes them once afterwards).
enum PaddedBase64 {
    /// The 6-bit value of each base64 character; 64 marks bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 64, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count % 4 == 0 else { return false }
            var length = bytes.count
            var padding = 0
            while length > 0, padding < 2, bytes[length - 1] == UInt8(ascii: "=") {
                length -= 1
                padding += 1
            }
            guard length % 4 != 1 else { return false }
            return values.withUnsafeBufferPointer { table in
                var combined: UInt8 = 0
                for index in 0..<length { combined |= table[Int(bytes[index])] }
                guard combined & 0xC0 == 0 else { return false }
                guard length > 0 else { return true }
                let last = table[Int(bytes[length - 1])]
                switch length % 4 {
                case 2: return last & 0x0F == 0
                case 3: return last & 0x03 == 0
                default: return true
                }
            }
        }
    }
}
