/// Checks that bytes are well-formed UTF-8 (RFC 3629, Unicode §3.9 table 3-7) without building a `String`.
///
/// Why: `String(decoding:as:)` repairs bad input with U+FFFD instead of failing, and AWS refuses such bodies, so
/// the JSON parser validates first. Only strings with a byte of 0x80 or more come here; ASCII is valid as it is.
///
/// | First byte | Second byte | Third, fourth byte | Scalars                     |
/// |------------|-------------|--------------------|-----------------------------|
/// | 00...7F    |             |                    | U+0000...U+007F             |
/// | C2...DF    | 80...BF     |                    | U+0080...U+07FF             |
/// | E0         | A0...BF     | 80...BF            | U+0800...U+0FFF             |
/// | E1...EC    | 80...BF     | 80...BF            | U+1000...U+CFFF             |
/// | ED         | 80...9F     | 80...BF            | U+D000...U+D7FF (no surrogates) |
/// | EE...EF    | 80...BF     | 80...BF            | U+E000...U+FFFF             |
/// | F0         | 90...BF     | 80...BF ×2         | U+10000...U+3FFFF           |
/// | F1...F3    | 80...BF     | 80...BF ×2         | U+40000...U+FFFFF           |
/// | F4         | 80...8F     | 80...BF ×2         | U+100000...U+10FFFF         |
enum UTF8Validator {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let first = bytes[index]
            if first < 0x80 { index += 1; continue }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80 ... 0xBF
            switch first {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0 ... 0xBF
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80 ... 0x9F
            case 0xF0: length = 4; secondRange = 0x90 ... 0xBF
            case 0xF1 ... 0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80 ... 0x8F
            default: return false
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return false }
            for offset in 2 ..< length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
