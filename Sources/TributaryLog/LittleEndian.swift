/// Little-endian integer encoding for the on-disk formats.
///
/// It exists so every format table in this module reads the same way: all multi-byte integers on disk are
/// little-endian, written with `append` and read with `read`, never by casting memory.
enum LittleEndian {
    static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        var littleEndian = value.littleEndian
        withUnsafeBytes(of: &littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Reads an integer at `position`; the caller has checked that `position + size` lies inside `bytes`.
    static func read<Integer: FixedWidthInteger>(
        _ type: Integer.Type, from bytes: UnsafeRawBufferPointer, at position: Int
    ) -> Integer {
        precondition(position >= 0 && position + MemoryLayout<Integer>.size <= bytes.count, "read past the buffer")
        return Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: Integer.self))
    }

    /// Reads an integer from a byte array at `position`; the caller has checked the bounds.
    static func read<Integer: FixedWidthInteger>(_ type: Integer.Type, from bytes: [UInt8], at position: Int) -> Integer {
        bytes.withUnsafeBytes { read(type, from: $0, at: position) }
    }
}
