import TributaryLog

/// The Snappy framing format (framing_format.txt), what Firehose writes for `CompressionFormat` "Snappy" and what
/// `python-snappy`'s `stream_decompress`, `snzip` and Hadoop-free readers expect in a `.snappy` object.
///
/// It exists because a raw Snappy block has no checksum and no streaming boundaries; the framing wraps blocks of at
/// most 64 KiB in checksummed chunks. Layout: a stream identifier chunk, then data chunks. Every chunk:
///
/// | offset | size | field                                                                    |
/// |--------|------|--------------------------------------------------------------------------|
/// | 0      | 1    | type (below)                                                             |
/// | 1      | 3    | length of the rest of the chunk, little-endian                           |
/// | 4      | 4    | data chunks: masked CRC-32C of the *uncompressed* data, little-endian    |
/// | 8      | n    | data chunks: raw Snappy block (0x00) or the data itself (0x01)           |
///
/// Types: 0xFF stream identifier, 0x00 compressed data, 0x01 uncompressed data, 0xFE padding, 0x80...0xFD
/// skippable, 0x02...0x7F reserved (an error). The stream identifier's body is the six bytes "sNaPpY". A chunk
/// whose block would not be smaller than its input is stored uncompressed, as the format intends for incompressible
/// data.
enum SnappyFrameFormat {
    /// The stream identifier chunk every stream starts with: type 0xFF, length 6, "sNaPpY".
    static let streamIdentifier: [UInt8] = [0xFF, 0x06, 0x00, 0x00, 0x73, 0x4E, 0x61, 0x50, 0x70, 0x59]
    static let compressedChunkType: UInt8 = 0x00
    static let uncompressedChunkType: UInt8 = 0x01
    static let paddingChunkType: UInt8 = 0xFE
    static let streamIdentifierType: UInt8 = 0xFF
    /// Bytes of checksum at the start of every data chunk's body.
    static let checksumBytes = 4

    /// CRC-32C of `data`, masked as the format requires (rotated right 15 bits plus a constant), so that checksums
    /// of data which itself holds checksums stay well distributed.
    static func maskedChecksum(_ data: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let crc = CRC32C.checksum(UnsafeRawBufferPointer(data))
        return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }

    /// `input` as one framed stream: the identifier, then a data chunk per 64 KiB.
    static func encode(_ input: [UInt8]) -> [UInt8] {
        let chunkBytes = CompressionLimits.snappyFrameChunkUncompressedBytesMax
        let chunkCount = (input.count + chunkBytes - 1) / chunkBytes
        var output = streamIdentifier
        output.reserveCapacity(
            streamIdentifier.count + SnappyBlockEncoder.compressedBytesMax(input.count) + chunkCount * 8
        )
        input.withUnsafeBufferPointer { source in
            var start = 0
            while start < source.count {
                let end = min(start + chunkBytes, source.count)
                let piece = UnsafeBufferPointer(rebasing: source[start ..< end])
                let block = SnappyBlockEncoder.compress(piece)
                let isCompressed = block.count < piece.count
                let bodyBytes = checksumBytes + (isCompressed ? block.count : piece.count)
                output.append(isCompressed ? compressedChunkType : uncompressedChunkType)
                CompressionByteOrder.appendLittleEndian(UInt32(bodyBytes), bytes: 3, to: &output)
                CompressionByteOrder.appendLittleEndian(maskedChecksum(piece), bytes: 4, to: &output)
                if isCompressed { output.append(contentsOf: block) } else { output.append(contentsOf: piece) }
                start = end
            }
        }
        return output
    }
}
