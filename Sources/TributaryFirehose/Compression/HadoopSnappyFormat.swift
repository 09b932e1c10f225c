/// Hadoop's block-compressed Snappy (`org.apache.hadoop.io.compress.SnappyCodec` through `BlockCompressorStream`),
/// what Firehose writes for `HADOOP_SNAPPY` so Hadoop, Hive and Spark jobs can read the objects.
///
/// It exists because Hadoop predates the Snappy framing format and wraps raw blocks its own way. Layout, repeated
/// per block, all integers big-endian:
///
/// | offset | size | field                                                                 |
/// |--------|------|-----------------------------------------------------------------------|
/// | 0      | 4    | uncompressed length of the whole block                                |
/// | 4      | 4    | compressed length of the first sub-chunk                              |
/// | 8      | n    | raw Snappy block of the first sub-chunk                               |
///
/// More (compressed length, raw block) sub-chunks follow until their data adds up to the block's length.
///
/// Writing, each block is 64 KiB of input (see `CompressionLimits.hadoopSnappyBlockBytes`) in one sub-chunk, which
/// is what Hadoop itself writes for blocks that fit its buffer and the only shape `python-snappy`'s reader accepts.
/// Reading accepts any number of sub-chunks. An empty input is an empty object, as Hadoop writes no block for it.
enum HadoopSnappyFormat {
    /// `input` as a sequence of single-sub-chunk blocks.
    static func encode(_ input: [UInt8]) -> [UInt8] {
        let blockBytes = CompressionLimits.hadoopSnappyBlockBytes
        let blockCount = (input.count + blockBytes - 1) / blockBytes
        var output: [UInt8] = []
        output.reserveCapacity(SnappyBlockEncoder.compressedBytesMax(input.count) + blockCount * 8)
        input.withUnsafeBufferPointer { source in
            var start = 0
            while start < source.count {
                let end = min(start + blockBytes, source.count)
                let block = SnappyBlockEncoder.compress(UnsafeBufferPointer(rebasing: source[start ..< end]))
                CompressionByteOrder.appendBigEndian(UInt32(end - start), to: &output)
                CompressionByteOrder.appendBigEndian(UInt32(block.count), to: &output)
                output.append(contentsOf: block)
                start = end
            }
        }
        return output
    }

    /// The data in Hadoop-Snappy `input`, at most `maxBytes` of it.
    static func decode(_ input: [UInt8], maxBytes: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        try input.withUnsafeBufferPointer { source in
            var position = 0
            while position < source.count {
                let blockBytes = Int(try readLength(source, &position))
                guard blockBytes <= maxBytes - output.count else {
                    throw CompressionError.outputTooLarge(limitBytes: maxBytes)
                }
                let blockEnd = output.count + blockBytes
                while output.count < blockEnd {
                    let chunkBytes = Int(try readLength(source, &position))
                    guard chunkBytes <= source.count - position else {
                        throw CompressionError.corruptInput("Hadoop-Snappy chunk runs past the end of the object")
                    }
                    let chunk = UnsafeBufferPointer(rebasing: source[position ..< position + chunkBytes])
                    let declaredBytes = try SnappyBlockDecoder.declaredLength(chunk).length
                    guard declaredBytes <= blockEnd - output.count else {
                        throw CompressionError.corruptInput("Hadoop-Snappy chunks hold more than their block's length")
                    }
                    output += try SnappyBlockDecoder.decompress(chunk, maxBytes: declaredBytes)
                    position += chunkBytes
                }
            }
        }
        return output
    }

    /// The 4-byte big-endian length at `position`, advancing past it.
    private static func readLength(_ source: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws -> UInt32 {
        guard source.count - position >= 4 else {
            throw CompressionError.corruptInput("Hadoop-Snappy object ends inside a length field")
        }
        defer { position += 4 }
        return CompressionByteOrder.bigEndian(source, at: position)
    }
}
