/// Every bound of the compression code, with its reason.
enum CompressionLimits {
    /// Raw Snappy compresses its input in fragments of this size: back-references never cross a fragment, so every
    /// offset fits the format's 2-byte copy form and the match table can hold 16-bit positions.
    static let snappyFragmentBytes = 1 << 16
    /// The Snappy match table has 2^14 entries (32 KiB of `UInt16`): enough to find most repeats in a 64 KiB
    /// fragment while staying in the L1 cache.
    static let snappyHashTableBits = 14
    /// The framing format allows at most 65,536 uncompressed bytes per data chunk (framing_format.txt, 4.2).
    static let snappyFrameChunkUncompressedBytesMax = 1 << 16
    /// A framing-format chunk's length field is 3 bytes.
    static let snappyFrameChunkBytesMax = (1 << 24) - 1
    /// Uncompressed bytes per Hadoop-Snappy block. Hadoop's own decompressor holds one block's output in a buffer
    /// of `io.compression.codec.snappy.buffersize` (256 KiB by default), so a block must stay below that; 64 KiB
    /// matches Snappy's fragment size, so bigger blocks would not compress better.
    static let hadoopSnappyBlockBytes = 1 << 16
    /// A raw Snappy stream declares its length as a varint of at most 5 bytes holding a 32-bit value.
    static let snappyVarintBytesMax = 5
    /// A classic (non-ZIP64) ZIP stores sizes and offsets in 32 bits; 0xFFFFFFFF means "see the ZIP64 record", so
    /// the largest value it can carry itself is one less.
    static let zipFieldValueMax = 0xFFFF_FFFE
    /// A ZIP entry name's length field is 16 bits.
    static let zipEntryNameBytesMax = 0xFFFF
    /// zlib counts input in 32-bit `avail_in`; larger inputs are fed in pieces of this size.
    static let zlibInputPieceBytes = 1 << 30
    /// zlib writes output into a scratch buffer of this size, so a decompression overshoots its limit by at most
    /// this much before it is stopped.
    static let zlibOutputChunkBytes = 1 << 16
}
