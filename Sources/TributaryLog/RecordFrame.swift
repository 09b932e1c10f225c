/// The on-disk encoding of one record inside a segment file.
///
/// It exists as a pure value-level codec so framing and corruption detection are tested without I/O.
/// All integers little-endian. The format version is the segment header's version byte (`SegmentHeader`).
///
/// | offset | size | field                                                                 |
/// |--------|------|-----------------------------------------------------------------------|
/// | 0      | 4    | frame length: bytes after this field (`29 + k + v`)                   |
/// | 4      | 4    | CRC-32C of every byte after this field (from offset 8 to the end)     |
/// | 8      | 1    | attributes (the caller's opaque byte)                                 |
/// | 9      | 8    | offset (UInt64)                                                       |
/// | 17     | 8    | timestampMs (Int64)                                                   |
/// | 25     | 4    | key length k (UInt32)                                                 |
/// | 29     | k    | key                                                                   |
/// | 29+k   | 4    | value length v (UInt32)                                               |
/// | 33+k   | v    | value                                                                 |
///
/// Invariant checked at decode: `29 + k + v == frame length`, the CRC matches, and the whole frame is no
/// larger than `Limits.frameBytesMax`; anything else is `.corrupt`, so a torn or flipped tail is never served.
enum RecordFrame {
    /// Bytes of a frame around its key and value.
    static let overheadBytes = 33
    /// Size of the length field, which the frame length does not count.
    static let lengthFieldBytes = 4
    /// Smallest valid frame length field: a record with an empty key and value.
    static let frameLengthMin = UInt32(overheadBytes - lengthFieldBytes)

    static let crcPosition = 4
    static let checkedPosition = 8
    static let offsetPosition = 9
    static let timestampPosition = 17
    static let keyLengthPosition = 25
    static let keyPosition = 29

    /// Encoded size of a record with these key and value sizes.
    static func encodedBytes(keyBytes: Int, valueBytes: Int) -> Int {
        overheadBytes + keyBytes + valueBytes
    }

    /// Appends the frame of one record to `buffer`.
    static func append(
        offset: UInt64, timestampMs: Int64, attributes: UInt8, key: [UInt8], value: [UInt8], to buffer: inout [UInt8]
    ) {
        precondition(key.count + value.count <= Limits.recordBytesMax, "record size is checked before encoding")
        let start = buffer.count
        LittleEndian.append(UInt32(overheadBytes - lengthFieldBytes + key.count + value.count), to: &buffer)
        LittleEndian.append(UInt32(0), to: &buffer) // CRC placeholder, filled below
        buffer.append(attributes)
        LittleEndian.append(offset, to: &buffer)
        LittleEndian.append(timestampMs, to: &buffer)
        LittleEndian.append(UInt32(key.count), to: &buffer)
        buffer.append(contentsOf: key)
        LittleEndian.append(UInt32(value.count), to: &buffer)
        buffer.append(contentsOf: value)
        let crc = buffer.withUnsafeBytes { raw in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[(start + checkedPosition)...]))
        }
        withUnsafeBytes(of: crc.littleEndian) { crcBytes in
            for index in 0 ..< 4 {
                buffer[start + crcPosition + index] = crcBytes[index]
            }
        }
    }

    /// Decodes the frame that starts at `position` in `bytes`.
    static func decode(_ bytes: UnsafeRawBufferPointer, at position: Int) -> RecordFrameDecoding {
        let available = bytes.count - position
        guard available >= lengthFieldBytes else {
            return .incomplete(frameBytes: lengthFieldBytes)
        }
        let frameLength = LittleEndian.read(UInt32.self, from: bytes, at: position)
        guard frameLength >= frameLengthMin else {
            return .corrupt(reason: "frame length \(frameLength) below \(frameLengthMin)")
        }
        let frameBytes = Int(frameLength) + lengthFieldBytes
        guard frameBytes <= Limits.frameBytesMax else {
            return .corrupt(reason: "frame of \(frameBytes) bytes exceeds \(Limits.frameBytesMax)")
        }
        guard available >= frameBytes else {
            return .incomplete(frameBytes: frameBytes)
        }
        let storedCRC = LittleEndian.read(UInt32.self, from: bytes, at: position + crcPosition)
        let checked = UnsafeRawBufferPointer(
            rebasing: bytes[(position + checkedPosition) ..< (position + frameBytes)])
        let computedCRC = CRC32C.checksum(checked)
        guard storedCRC == computedCRC else {
            return .corrupt(reason: "CRC-32C \(computedCRC) does not match stored \(storedCRC)")
        }
        let keyBytes = Int(LittleEndian.read(UInt32.self, from: bytes, at: position + keyLengthPosition))
        guard keyBytes <= frameBytes - overheadBytes else {
            return .corrupt(reason: "key length \(keyBytes) runs past the frame")
        }
        let valueLengthPosition = position + keyPosition + keyBytes
        let valueBytes = Int(LittleEndian.read(UInt32.self, from: bytes, at: valueLengthPosition))
        guard overheadBytes + keyBytes + valueBytes == frameBytes else {
            return .corrupt(reason: "key and value lengths do not add up to the frame length")
        }
        let keyStart = position + keyPosition
        let valueStart = valueLengthPosition + 4
        let record = LogRecord(
            offset: LittleEndian.read(UInt64.self, from: bytes, at: position + offsetPosition),
            timestampMs: LittleEndian.read(Int64.self, from: bytes, at: position + timestampPosition),
            key: Array(bytes[keyStart ..< keyStart + keyBytes]),
            value: Array(bytes[valueStart ..< valueStart + valueBytes]),
            attributes: bytes[position + checkedPosition]
        )
        return .record(record, frameBytes: frameBytes)
    }

    /// Decodes the frame at `position` of a byte array.
    static func decode(_ bytes: [UInt8], at position: Int) -> RecordFrameDecoding {
        bytes.withUnsafeBytes { decode($0, at: position) }
    }
}
