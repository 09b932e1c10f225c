/// A request as the verifier sees it: plain values the gateway copies from whatever HTTP server received it, so
/// authentication knows nothing of HTTP types.
///
/// `path` and `query` must be exactly as they arrived (still percent-encoded, query without the `?`): SigV4 signs
/// the encoded form, and decoding first would make some signatures unverifiable. `headers` are every header
/// received, in order, a repeated name once per occurrence; over HTTP/2 the `:authority` pseudo-header must be
/// passed as `host`, which SigV4 always signs.
public struct SigV4Request: Sendable {
    public var method: String
    public var path: String
    public var query: String
    public var headers: [(name: String, value: String)]
    public var payload: SigV4Payload

    public init(method: String, path: String, query: String, headers: [(name: String, value: String)],
                payload: SigV4Payload) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// The first value of header `name` (compared without regard to case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }
}
