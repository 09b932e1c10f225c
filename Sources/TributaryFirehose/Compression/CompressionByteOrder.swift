/// Fixed-width integer appends for the container formats here (ZIP and framed Snappy are little-endian, Hadoop's
/// Snappy blocks big-endian).
///
/// It exists as a namespace rather than an `Array` extension so its names cannot collide with byte helpers
/// elsewhere in the module.
enum CompressionByteOrder {
    /// The low `bytes` bytes of `value`, least significant first.
    static func appendLittleEndian(_ value: UInt32, bytes: Int, to output: inout [UInt8]) {
        for index in 0 ..< bytes { output.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    /// `value` as 2 bytes, least significant first.
    static func appendLittleEndian(_ value: UInt16, to output: inout [UInt8]) {
        appendLittleEndian(UInt32(value), bytes: 2, to: &output)
    }

    /// `value` as 4 bytes, least significant first.
    static func appendLittleEndian(_ value: UInt32, to output: inout [UInt8]) {
        appendLittleEndian(value, bytes: 4, to: &output)
    }

    /// `value` as 4 bytes, most significant first.
    static func appendBigEndian(_ value: UInt32, to output: inout [UInt8]) {
        for index in (0 ..< 4).reversed() { output.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    /// The `bytes`-byte little-endian integer at `offset` of `input`; the caller checks the range.
    static func littleEndian(_ input: UnsafeBufferPointer<UInt8>, at offset: Int, bytes: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in 0 ..< bytes { value |= UInt32(input[offset + index]) << (8 * index) }
        return value
    }

    /// The 4-byte big-endian integer at `offset` of `input`; the caller checks the range.
    static func bigEndian(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in 0 ..< 4 { value = value << 8 | UInt32(input[offset + index]) }
        return value
    }
}
