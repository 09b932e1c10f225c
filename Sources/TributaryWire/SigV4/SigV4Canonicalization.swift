/// The pieces of SigV4's canonical request, each its own function so the client that signs (Firehose's S3 client)
/// and the server that verifies (the gateway) build the very same text.
///
/// Nothing here hashes: this module has no cryptography, so the caller passes SHA-256 results in as hex.
/// The rules follow AWS's SigV4 specification as botocore implements it (its results are the tests' known answers).
public enum SigV4Canonicalization {
    /// The canonical URI of a path as it travels on the wire (percent-encoded once). An empty path is `/`.
    public static func canonicalURI(encodedPath: String, rule: SigV4URIRule) -> String {
        guard !encodedPath.isEmpty else { return "/" }
        switch rule {
        case .s3:
            return encodedPath
        case .standard:
            return SigV4Encoding.percentEncodePath(removingDotSegments(encodedPath))
        }
    }

    /// The canonical query of decoded parameters: names and values encoded, pairs sorted by name then value, joined
    /// with `&`; a parameter without a value is `name=`. The result is also a valid query string for the URL.
    public static func canonicalQuery(parameters: [(name: String, value: String)]) -> String {
        sortedAndJoined(parameters.map {
            (SigV4Encoding.percentEncode($0.name), SigV4Encoding.percentEncode($0.value))
        })
    }

    /// The canonical query of a query string as received: each name and value is decoded and encoded again, so a
    /// client that wrote `%2f` or left `!` bare still lands on the canonical form. A malformed escape is kept as
    /// received (the signature then fails to match instead of the request crashing anything).
    public static func canonicalQuery(encodedQuery: String) -> String {
        var pairs: [(String, String)] = []
        for piece in encodedQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            pairs.append((reencoded(name), reencoded(value)))
        }
        return sortedAndJoined(pairs)
    }

    /// The canonical request: method, URI, query, headers, signed header names and payload hash, one per line.
    public static func canonicalRequest(
        method: String, canonicalURI: String, canonicalQuery: String, headers: SigV4CanonicalHeaders,
        payloadHash: String
    ) -> String {
        [method.uppercased(), canonicalURI, canonicalQuery, headers.text, headers.signedHeaders, payloadHash]
            .joined(separator: "\n")
    }

    /// `date/region/service/aws4_request`: what a signing key is valid for.
    public static func credentialScope(dateStamp: String, region: String, service: String) -> String {
        "\(dateStamp)/\(region)/\(service)/\(SigV4.scopeTerminator)"
    }

    /// The string the signing key signs: algorithm, request time, scope and the hex SHA-256 of the canonical request.
    public static func stringToSign(amzDate: String, credentialScope: String, canonicalRequestHash: String) -> String {
        [SigV4.algorithm, amzDate, credentialScope, canonicalRequestHash].joined(separator: "\n")
    }

    /// RFC 3986's dot-segment removal as AWS applies it: `.` and empty segments vanish, `..` drops the previous one;
    /// the leading slash stays, the trailing one stays when anything is left.
    static func removingDotSegments(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = kept.popLast()
            } else {
                kept.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !kept.isEmpty ? "/" : ""
        return leading + kept.joined(separator: "/") + trailing
    }

    private static func reencoded(_ text: String) -> String {
        guard let decoded = SigV4Encoding.percentDecode(text) else { return text }
        return SigV4Encoding.percentEncode(decoded)
    }

    /// Sorts by the encoded bytes (name first, then value), as SigV4 requires; encoded text is ASCII.
    private static func sortedAndJoined(_ pairs: [(String, String)]) -> String {
        pairs.sorted { left, right in
            if left.0 != right.0 { return left.0.utf8.lexicographicallyPrecedes(right.0.utf8) }
            return left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
        }
        .map { "\($0.0)=\($0.1)" }
        .joined(separator: "&")
    }
}
