import Crypto
import Foundation
import TributaryWire

/// Signs outbound requests with AWS Signature Version 4.
///
/// The canonical texts come from `TributaryWire` (shared with the gateway, which verifies the same way); this type
/// adds what needs cryptography: SHA-256 of the payload and canonical request, the signing-key chain
/// (`AWS4`+secret → date → region → service → `aws4_request`) and the final HMAC.
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
            canonicalRequestHash: Self.sha256Hex(Array(canonicalRequest.utf8)))
        let key = Self.signingKey(secretAccessKey: secretAccessKey, dateStamp: timestamp.dateStamp, region: region,
                                  service: service)
        let signature = Self.signature(signingKey: key, stringToSign: stringToSign)
        let authorization = SigV4Authorization(
            accessKeyId: accessKeyId, dateStamp: timestamp.dateStamp, region: region, service: service,
            signedHeaderNames: canonicalHeaders.names, signature: signature)
        sent.append(("Authorization", authorization.headerValue))
        return SigV4SignedRequest(headers: sent, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
                                  signature: signature)
    }

    /// The key that signs every request of one day, region and service.
    public static func signingKey(secretAccessKey: String, dateStamp: String, region: String,
                                  service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secretAccessKey)".utf8))
        for element in [dateStamp, region, service, SigV4.scopeTerminator] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(element.utf8), using: key)))
        }
        return key
    }

    /// Lower-case hex HMAC-SHA256 of the string to sign.
    public static func signature(signingKey: SymmetricKey, stringToSign: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// Lower-case hex SHA-256, the form of payload and canonical-request hashes.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
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

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
