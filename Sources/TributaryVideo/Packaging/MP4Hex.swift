/// Upper-case hexadecimal spelling for codec strings, which RFC 6381 and ISO/IEC 14496-15 Annex E write in hex.
enum MP4Hex {
    /// Two digits, e.g. 0x1F → "1F".
    static func byte(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// As few digits as the value needs, e.g. 0x6 → "6".
    static func minimal(_ value: UInt32) -> String {
        String(value, radix: 16, uppercase: true)
    }
}
