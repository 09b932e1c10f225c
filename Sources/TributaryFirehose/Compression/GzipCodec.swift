/// GZIP (RFC 1952) through the system zlib: Firehose's `GZIP` S3 compression, its gzip HTTP-endpoint bodies, and
/// the decompression of CloudWatch Logs records, which arrive gzipped.
///
/// It exists so callers get gzip with bounded output and typed errors without touching zlib. Output is one gzip
/// member at zlib's default level (what `gzip -6` writes); decompression also accepts concatenated members, as
/// `gunzip` does.
public enum GzipCodec {
    /// `bytes` as one gzip member.
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        try ZlibStream.deflate(bytes, windowBits: ZlibStream.gzipWindowBits)
    }

    /// The data inside gzip `bytes`; throws `outputTooLarge` rather than produce more than `maxBytes`, and
    /// `corruptInput` for a bad header, CRC, length or truncation.
    public static func decompress(_ bytes: [UInt8], maxBytes: Int) throws -> [UInt8] {
        try ZlibStream.inflate(
            bytes, windowBits: ZlibStream.gzipWindowBits, maxBytes: maxBytes, allowsConcatenatedMembers: true
        )
    }
}
