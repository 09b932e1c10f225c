/// A cursor writing Snappy elements into memory the caller sized with `SnappyBlockEncoder.compressedBytesMax`.
///
/// It exists to keep the element encodings (see `SnappyBlockEncoder`'s table) apart from the matcher. It does no
/// bounds checks of its own: the caller's bound covers the worst case of every element it writes.
struct SnappyOutputWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    mutating func writeByte(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// `value` as a little-endian base-128 varint: 7 bits a byte, high bit set on all but the last.
    mutating func writeVarint(_ value: UInt32) {
        var remaining = value
        while remaining >= 0x80 {
            writeByte(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        writeByte(UInt8(remaining))
    }

    /// A literal element carrying `input[start ..< end]` (at most 2^32 bytes).
    mutating func writeLiteral(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let lengthMinusOne = end - start - 1
        if lengthMinusOne < 60 {
            writeByte(UInt8(lengthMinusOne) << 2)
        } else {
            var extraBytes = 1
            while extraBytes < 4 && lengthMinusOne >> (8 * extraBytes) != 0 { extraBytes += 1 }
            writeByte(UInt8(59 + extraBytes) << 2)
            for index in 0 ..< extraBytes { writeByte(UInt8(truncatingIfNeeded: lengthMinusOne >> (8 * index))) }
        }
        (base + count).update(from: input.baseAddress! + start, count: end - start)
        count += end - start
    }

    /// Copy elements repeating `length` (at least 4) bytes from `offset` (1...65535) back.
    ///
    /// One element copies at most 64 bytes; the split keeps every piece at 4 or more, so the short 1-byte-offset
    /// form stays usable for the tail.
    mutating func writeCopy(offset: Int, length: Int) {
        var remaining = length
        while remaining >= 68 {
            writeCopyElement(offset: offset, length: 64)
            remaining -= 64
        }
        if remaining > 64 {
            writeCopyElement(offset: offset, length: 60)
            remaining -= 60
        }
        writeCopyElement(offset: offset, length: remaining)
    }

    private mutating func writeCopyElement(offset: Int, length: Int) {
        if length < 12 && offset < 2048 {
            writeByte(1 | UInt8(length - 4) << 2 | UInt8(offset >> 8) << 5)
            writeByte(UInt8(truncatingIfNeeded: offset))
        } else {
            writeByte(2 | UInt8(length - 1) << 2)
            writeByte(UInt8(truncatingIfNeeded: offset))
            writeByte(UInt8(truncatingIfNeeded: offset >> 8))
        }
    }
}
