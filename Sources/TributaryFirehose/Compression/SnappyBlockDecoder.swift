/// The raw Snappy block decompressor, the inverse of `SnappyBlockEncoder` (element table there).
///
/// It exists to read back what Tributary writes (tests, and any consumer of delivered objects) and so must survive
/// hostile input: the declared length is checked against the caller's limit before anything is allocated, output
/// is allocated once at exactly that length, and every literal and copy is checked against both the input left and
/// the output room left. Any violation throws `corruptInput`; no input can crash it or make it allocate more.
enum SnappyBlockDecoder {
    /// The uncompressed length a raw block declares in its preamble, and the preamble's size.
    static func declaredLength(_ input: UnsafeBufferPointer<UInt8>) throws -> (length: Int, preambleBytes: Int) {
        var value = 0
        for index in 0 ..< min(input.count, CompressionLimits.snappyVarintBytesMax) {
            value |= Int(input[index] & 0x7F) << (7 * index)
            if input[index] & 0x80 == 0 {
                guard value <= Int(UInt32.max) else { break }
                return (value, index + 1)
            }
        }
        throw CompressionError.corruptInput("bad Snappy length preamble")
    }

    /// The data in raw Snappy `input`, which must declare at most `maxBytes`.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, maxBytes: Int) throws -> [UInt8] {
        let (length, preambleBytes) = try declaredLength(input)
        guard length <= maxBytes else { throw CompressionError.outputTooLarge(limitBytes: maxBytes) }
        return try [UInt8](unsafeUninitializedCapacity: length) { output, initializedCount in
            initializedCount = 0
            var position = preambleBytes
            var written = 0
            while position < input.count {
                let tag = input[position]
                position += 1
                if tag & 3 == 0 {
                    let literalBytes = try literalLength(tag, input, &position)
                    guard literalBytes <= input.count - position, literalBytes <= length - written else {
                        throw CompressionError.corruptInput("Snappy literal runs past its input or declared length")
                    }
                    (output.baseAddress! + written).update(from: input.baseAddress! + position, count: literalBytes)
                    position += literalBytes
                    written += literalBytes
                } else {
                    let (offset, copyBytes) = try copyOperands(tag, input, &position)
                    guard offset > 0, offset <= written, copyBytes <= length - written else {
                        throw CompressionError.corruptInput("Snappy copy reaches outside the output")
                    }
                    for index in written ..< written + copyBytes { output[index] = output[index - offset] }
                    written += copyBytes
                }
                initializedCount = written
            }
            guard written == length else {
                throw CompressionError.corruptInput("Snappy block holds \(written) bytes but declares \(length)")
            }
        }
    }

    /// The data in raw Snappy `input`, which must declare at most `maxBytes`.
    static func decompress(_ input: [UInt8], maxBytes: Int) throws -> [UInt8] {
        try input.withUnsafeBufferPointer { try decompress($0, maxBytes: maxBytes) }
    }

    /// A literal's length from its tag and any length bytes after it (advancing `position` past them).
    private static func literalLength(
        _ tag: UInt8, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int
    ) throws -> Int {
        let code = Int(tag >> 2)
        guard code >= 60 else { return code + 1 }
        let extraBytes = code - 59
        guard extraBytes <= input.count - position else {
            throw CompressionError.corruptInput("Snappy literal length is truncated")
        }
        let lengthMinusOne = Int(CompressionByteOrder.littleEndian(input, at: position, bytes: extraBytes))
        position += extraBytes
        return lengthMinusOne + 1
    }

    /// A copy's offset and length from its tag and the offset bytes after it (advancing `position` past them).
    private static func copyOperands(
        _ tag: UInt8, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int
    ) throws -> (offset: Int, length: Int) {
        let kind = tag & 3
        let offsetBytes = kind == 1 ? 1 : kind == 2 ? 2 : 4
        guard offsetBytes <= input.count - position else {
            throw CompressionError.corruptInput("Snappy copy offset is truncated")
        }
        let offsetField = Int(CompressionByteOrder.littleEndian(input, at: position, bytes: offsetBytes))
        position += offsetBytes
        if kind == 1 {
            return (Int(tag >> 5) << 8 | offsetField, Int((tag >> 2) & 7) + 4)
        }
        return (offsetField, Int(tag >> 2) + 1)
    }
}
