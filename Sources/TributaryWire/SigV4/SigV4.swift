/// The fixed strings of AWS Signature Version 4, shared by the client that signs requests and the server that checks
/// them, so both sides spell them the same way.
public enum SigV4 {
    /// The algorithm name that starts the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The last element of every credential scope.
    public static let scopeTerminator = "aws4_request"
    /// The payload hash S3 accepts in place of a real one when the body is not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// SHA-256 of zero bytes, in lower-case hex: the payload hash of every request without a body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// Headers that proxies and HTTP libraries add, drop or rewrite on the way, so signing them would break the
    /// signature (the same list botocore leaves out).
    public static let unsignableHeaderNames: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]
}
