/// Builds ISO base media file format (ISO/IEC 14496-12) boxes into a byte array.
///
/// It exists so every MP4 packager writes boxes one way: big-endian integers, four-character codes, and a box's
/// 32-bit size patched in once its body is written. Layout of a box: size (4 bytes, big-endian, header included),
/// type (4 ASCII bytes), then for a full box version (1 byte) and flags (3 bytes), then the body.
/// Only `mdat` can outgrow 32 bits; it is written with `mediaDataHeader`, which switches to the 64-bit form.
struct MP4BoxWriter {
    private(set) var bytes: [UInt8] = []

    /// Appends a big-endian integer.
    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(contentsOf data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    mutating func appendZeros(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0, count: count))
    }

    /// Appends a four-character code such as "moov".
    mutating func appendFourCC(_ code: String) {
        let ascii = Array(code.utf8)
        precondition(ascii.count == 4, "a four-character code has four ASCII bytes: \(code)")
        bytes.append(contentsOf: ascii)
    }

    /// Appends a box whose body `body` writes; its size is patched in afterwards.
    mutating func box(_ type: String, _ body: (inout MP4BoxWriter) -> Void) {
        let start = bytes.count
        append(UInt32(0))
        appendFourCC(type)
        body(&self)
        let size = bytes.count - start
        precondition(size <= Int(UInt32.max), "box \(type) of \(size) bytes needs a 64-bit size")
        withUnsafeBytes(of: UInt32(size).bigEndian) { bytes.replaceSubrange(start..<(start + 4), with: $0) }
    }

    /// Appends a full box: version and 24-bit flags precede the body.
    mutating func fullBox(_ type: String, version: UInt8 = 0, flags: UInt32 = 0,
                          _ body: (inout MP4BoxWriter) -> Void) {
        box(type) { writer in
            writer.append(UInt32(version) << 24 | (flags & 0x00FF_FFFF))
            body(&writer)
        }
    }

    /// The header of an `mdat` box holding `payloadBytes` bytes: 8 bytes, or 16 (size 1, then a 64-bit
    /// largesize) when the box would not fit a 32-bit size.
    static func mediaDataHeader(payloadBytes: Int) -> [UInt8] {
        var writer = MP4BoxWriter()
        if payloadBytes + 8 <= Int(UInt32.max) {
            writer.append(UInt32(payloadBytes + 8))
            writer.appendFourCC("mdat")
        } else {
            writer.append(UInt32(1))
            writer.appendFourCC("mdat")
            writer.append(UInt64(payloadBytes + 16))
        }
        return writer.bytes
    }
}
