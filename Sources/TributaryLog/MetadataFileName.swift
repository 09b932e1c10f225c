/// Turns metadata namespaces and keys into safe file names and back.
///
/// It exists because keys come from clients (stream names, tag keys) and must never escape their directory or
/// collide with the store's temporary files. Letters, digits, `-` and `_` stay; `.` stays except as the first
/// character; every other byte of the UTF-8 encoding becomes `%XX` (upper-case hex). So an escaped name never
/// starts with `.`, which is reserved for temporary files, and never contains `/`.
enum MetadataFileName {
    static func escape(_ name: String) -> String {
        var escaped = ""
        for (position, byte) in name.utf8.enumerated() {
            let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F || (byte == 0x2E && position > 0)
            if isPlain {
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return escaped
    }

    /// The original name, or nil when `fileName` is not an escaped name.
    static func unescape(_ fileName: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = fileName.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == 0x25 {
                guard let high = utf8.next(), let low = utf8.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
