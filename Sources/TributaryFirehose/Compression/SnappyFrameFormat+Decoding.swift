extension SnappyFrameFormat {
    /// The data in framed stream `input`, at most `maxBytes` of it.
    ///
    /// Checks the leading stream identifier, every chunk's bounds, each data chunk's 64 KiB limit and checksum; skips
    /// padding and skippable chunks; accepts the identifier again mid-stream (concatenated streams, which the format
    /// allows); rejects reserved unskippable chunk types and trailing partial chunks.
    static func decode(_ input: [UInt8], maxBytes: Int) throws -> [UInt8] {
        guard input.starts(with: streamIdentifier) else {
            throw CompressionError.corruptInput("Snappy stream does not start with the sNaPpY identifier")
        }
        var output: [UInt8] = []
        try input.withUnsafeBufferPointer { source in
            var position = 0
            while position < source.count {
                guard source.count - position >= 4 else {
                    throw CompressionError.corruptInput("Snappy stream ends inside a chunk header")
                }
                let type = source[position]
                let bodyBytes = Int(CompressionByteOrder.littleEndian(source, at: position + 1, bytes: 3))
                let bodyStart = position + 4
                guard bodyBytes <= source.count - bodyStart else {
                    throw CompressionError.corruptInput("Snappy chunk runs past the end of the stream")
                }
                let body = UnsafeBufferPointer(rebasing: source[bodyStart ..< bodyStart + bodyBytes])
                try decodeChunk(type: type, body: body, into: &output, maxBytes: maxBytes)
                position = bodyStart + bodyBytes
            }
        }
        return output
    }

    /// Appends one chunk's data (if any) to `output`.
    private static func decodeChunk(
        type: UInt8, body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], maxBytes: Int
    ) throws {
        switch type {
        case streamIdentifierType:
            guard body.elementsEqual(streamIdentifier[4...]) else {
                throw CompressionError.corruptInput("Snappy stream identifier chunk is not sNaPpY")
            }
        case compressedChunkType, uncompressedChunkType:
            guard body.count >= checksumBytes else {
                throw CompressionError.corruptInput("Snappy data chunk is shorter than its checksum")
            }
            let expected = CompressionByteOrder.littleEndian(body, at: 0, bytes: checksumBytes)
            let payload = UnsafeBufferPointer(rebasing: body[checksumBytes...])
            let chunkLimit = CompressionLimits.snappyFrameChunkUncompressedBytesMax
            let data: [UInt8]
            if type == compressedChunkType {
                data = try SnappyBlockDecoder.decompress(payload, maxBytes: chunkLimit)
            } else {
                guard payload.count <= chunkLimit else {
                    throw CompressionError.corruptInput("Snappy uncompressed chunk exceeds 65536 bytes")
                }
                data = Array(payload)
            }
            guard data.withUnsafeBufferPointer(maskedChecksum) == expected else {
                throw CompressionError.corruptInput("Snappy chunk checksum mismatch")
            }
            guard data.count <= maxBytes - output.count else {
                throw CompressionError.outputTooLarge(limitBytes: maxBytes)
            }
            output.append(contentsOf: data)
        case paddingChunkType, 0x80 ... 0xFD:
            return
        default:
            throw CompressionError.corruptInput("Snappy chunk type \(type) is reserved and unskippable")
        }
    }
}
