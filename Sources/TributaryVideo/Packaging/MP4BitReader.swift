/// Reads big-endian bit fields from codec configuration records (hvcC's packed profile byte, AAC's
/// AudioSpecificConfig), which are not byte-aligned.
///
/// It exists so the configuration parsers never index past the record: a read beyond the end returns nil, which
/// they report as invalid codec private data.
struct MP4BitReader {
    private let bytes: [UInt8]
    private var bitOffset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads `count` bits (at most 32) as an unsigned value; nil when fewer remain.
    mutating func read(_ count: Int) -> UInt32? {
        precondition((0...32).contains(count), "reads take 0 to 32 bits")
        guard bitOffset + count <= bytes.count * 8 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<count {
            let byte = bytes[bitOffset / 8]
            let bit = (byte >> (7 - UInt8(bitOffset % 8))) & 1
            value = (value << 1) | UInt32(bit)
            bitOffset += 1
        }
        return value
    }
}
