/// Bounds of request authentication and of the credentials file, each with its reason.
public enum AuthenticationLimits {
    /// How far a request's signing time may be from the server's clock, either way: Kinesis allows 5 minutes (its
    /// "Signature expired … - 5 min." errors), which bounds how long a captured request can be replayed.
    public static let clockSkewSecondsMax: Int64 = 300
    /// Longest validity of a presigned URL: a SigV4 signing key is good for seven days, so AWS refuses more.
    public static let presignedExpiresSecondsMax: Int64 = 604_800
    /// Largest credentials file read: thousands of keys with policies fit; a bigger file is a mistake (a log or a
    /// dump given by accident) and is refused before it is parsed.
    public static let credentialsFileBytesMax = 4 * 1024 * 1024
    /// Longest access key id: IAM's own bound.
    public static let accessKeyIdCharactersMax = 128
    /// Largest chunk of a chunk-signed body (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`): a chunk is held whole until its
    /// signature is checked, so this bounds what one upload keeps in memory. AWS's SDKs send 64 to 128 KiB chunks
    /// and S3 recommends 64 KiB; 8 MiB leaves room for a producer that sends a whole fragment per chunk.
    public static let signedChunkBytesMax = 8 << 20
    /// Longest chunk header line of a chunk-signed body, `<hex size>;chunk-signature=<64 hex>` without its CRLF:
    /// 16 hex digits and the signature take 97 bytes; a longer line is hostile or not this framing.
    public static let signedChunkHeaderBytesMax = 128
}
