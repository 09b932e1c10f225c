/// Every bound of the outbound HTTP transport and the S3 client, with its reason.
public enum TransportLimits {
    /// Largest response body kept by default: the biggest response Firehose reads is a transform endpoint's, and a
    /// Lambda function answers at most 6 MB; S3 and HTTP endpoints answer with a few KiB.
    public static let responseBodyBytesMaxDefault = 16 << 20
    /// S3: every part but the last must be at least 5 MiB.
    public static let partSizeBytesMin = 5 << 20
    /// S3: a multipart upload has at most 10,000 parts.
    public static let partCountMax = 10_000
    /// S3: a single PutObject carries at most 5 GiB.
    public static let objectBytesMax = 5 << 30
    /// Pages `listObjectKeys` follows (1,000 keys each): a test or tool never lists ten million keys, and a server
    /// that always answers "truncated" must not loop forever.
    public static let listPagesMax = 10_000
    /// How much of an unparseable error body is kept in an `S3Error`'s message.
    public static let errorBodyExcerptBytesMax = 512
}
