/// What signing a request produced: the headers to send (the caller's, plus `host`, `x-amz-date`, the session
/// token when there is one, and `Authorization`), and the intermediate texts, kept so tests can compare each step
/// with a reference implementation.
public struct SigV4SignedRequest: Sendable {
    public var headers: [(String, String)]
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-case hex HMAC-SHA256 of `stringToSign`.
    public var signature: String
}
