import TributaryWire

/// A copy of `input` in which each message's prelude CRC, and its message CRC when the message is all there, are
/// correct. Random mutations almost never keep a CRC-32 valid, so without this the fuzzer would spend nearly every
/// input on the checksum checks; a hostile client computes the checksums anyway, so what lies behind them (lengths,
/// header types, header values) must be fuzzed too. Messages are followed by their declared total length, up to the
/// first one whose prelude is too short or whose length is out of range.
///
/// | offset       | size | field                                        |
/// |--------------|------|----------------------------------------------|
/// | 0            | 4    | total length, big-endian                     |
/// | 4            | 4    | headers length                               |
/// | 8            | 4    | prelude CRC-32 of bytes 0..<8                |
/// | total - 4    | 4    | message CRC-32 of bytes 0..<total-4          |
func repairingChecksums(_ input: UnsafeRawBufferPointer) -> [UInt8] {
    let preludeBytes = 12
    let messageChecksumBytes = 4
    var bytes = Array(input)
    var start = 0
    while bytes.count - start >= preludeBytes {
        storeBigEndian(CRC32.checksum(Array(bytes[start ..< start + 8])), into: &bytes, at: start + 8)
        let totalCount = bytes[start ..< start + 4].reduce(0) { $0 << 8 | Int($1) }
        guard totalCount >= preludeBytes + messageChecksumBytes, totalCount <= bytes.count - start else { break }
        let checkedEnd = start + totalCount - messageChecksumBytes
        storeBigEndian(CRC32.checksum(Array(bytes[start ..< checkedEnd])), into: &bytes, at: checkedEnd)
        start += totalCount
    }
    return bytes
}

private func storeBigEndian(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
    for index in 0 ..< 4 {
        bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index))
    }
}
