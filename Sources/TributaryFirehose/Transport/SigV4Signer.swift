import Foundation
import TributaryAuth
import TributaryWire

/// Signs outbound requests with AWS Signature Version 4.
///
/// The canonical texts come from `TributaryWire` and the hashing from `TributaryAuth`'s `SigV4Cryptography`, both
/// shared with the gateway, which verifies signatures the same way; this type assembles an outbound request's
/// headers from them.
public struct SigV4Signer: Sendable {
    public let accessKeyId: String
    public let secretAccessKey: String
    public let sessionToken: String?
    public let region: String
    public let service: String
    public let uriRule: SigV4URIRule

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, region: String,
                service: String, uriRule: SigV4URIRule) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
        self.uriRule = uriRule
    }

    /// Signs a request for `timestamp`. `headers` are every header the caller will send, except those the HTTP
    /// library adds (`Content-Length`); all but `SigV4.unsignableHeaderNames` are signed. `payloadHash` is the
    /// hex SHA-256 of the body or `SigV4.unsignedPayload`.
    public func sign(method: String, url: URL, headers: [(String, String)], payloadHash: String,
                     at timestamp: SigV4Timestamp) throws -> SigV4SignedRequest {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let host = Self.hostHeader(components)
        else { throw TransportError.invalidURL(url.absoluteString) }
        var sent = headers.filter { name, _ in
            let lowered = name.lowercased()
            return lowered != "authorization" && lowered != "x-amz-date" && lowered != "x-amz-security-token"
        }
        if !sent.contains(where: { $0.0.lowercased() == "host" }) { sent.append(("host", host)) }
        sent.append(("x-amz-date", timestamp.amzDate))
        if let sessionToken { sent.append(("x-amz-security-token", sessionToken)) }

        let signable = sent.filter { !SigV4.unsignableHeaderNames.contains($0.0.lowercased()) }
        let canonicalHeaders = SigV4CanonicalHeaders(signable.map { (name: $0.0, value: $0.1) })
        let canonicalRequest = SigV4Canonicalization.canonicalRequest(
            method: method,
            canonicalURI: SigV4Canonicalization.canonicalURI(encodedPath: components.percentEncodedPath, rule: uriRule),
            canonicalQuery: SigV4Canonicalization.canonicalQuery(encodedQuery: components.percentEncodedQuery ?? ""),
            headers: canonicalHeaders, payloadHash: payloadHash)
        let scope = SigV4Canonicalization.credentialScope(dateStamp: timestamp.dateStamp, region: region,
                                                          service: service)
        let stringToSign = SigV4Canonicalization.stringToSign(
            amzDate: timestamp.amzDate, credentialScope: scope,
            canonicalRequestHash: SigV4Cryptography.sha256Hex(Array(canonicalRequest.utf8)))
        let key = SigV4Cryptography.signingKey(secretAccessKey: secretAccessKey, dateStamp: timestamp.dateStamp,
                                               region: region, service: service)
        let signature = SigV4Cryptography.signature(signingKey: key, stringToSign: stringToSign)
        let authorization = SigV4Authorization(
            accessKeyId: accessKeyId, dateStamp: timestamp.dateStamp, region: region, service: service,
            signedHeaderNames: canonicalHeaders.names, signature: signature)
        sent.append(("Authorization", authorization.headerValue))
        return SigV4SignedRequest(headers: sent, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
                                  signature: signature)
    }

    /// The `host` header as SigV4 signs it: lower-case host, with the port only when it is not the scheme's default.
    static func hostHeader(_ components: URLComponents) -> String? {
        guard let rawHost = components.host, !rawHost.isEmpty else { return nil }
        var host = rawHost.lowercased()
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        let defaultPort = components.scheme?.lowercased() == "https" ? 443 : 80
        if let port = components.port, port != defaultPort { host += ":\(port)" }
        return host
    }
}
