import TributaryWire

/// ListObjectsV2, following continuation tokens; for tests and tools that check what was delivered.
extension S3Client {
    /// Every key under `prefix`, in S3's (byte) order. Keys come URL-encoded (`encoding-type=url`) so that keys with
    /// characters XML 1.0 cannot carry still list correctly.
    public func listObjectKeys(bucket: String, prefix: String) async throws -> [String] {
        try await listObjectKeys(bucket: bucket, prefix: prefix, pageKeysMax: nil)
    }

    /// `pageKeysMax` asks for smaller pages than S3's 1,000 (tests use it to exercise continuation).
    func listObjectKeys(bucket: String, prefix: String, pageKeysMax: Int?) async throws -> [String] {
        var keys: [String] = []
        var continuationToken: String?
        for _ in 0..<TransportLimits.listPagesMax {
            var query: [(name: String, value: String)] = [
                (name: "list-type", value: "2"), (name: "prefix", value: prefix),
                (name: "encoding-type", value: "url"),
            ]
            if let pageKeysMax { query.append((name: "max-keys", value: String(pageKeysMax))) }
            if let continuationToken { query.append((name: "continuation-token", value: continuationToken)) }
            let response = try await send("GET", bucket: bucket, key: nil, query: query)
            guard let document = S3XMLDocument(parsing: response.body), document.rootName == "ListBucketResult" else {
                throw S3Error.refused("MalformedResponse", "ListObjectsV2 returned no ListBucketResult.")
            }
            for encodedKey in document.texts(at: ["Contents", "Key"]) {
                guard let key = Self.urlDecoded(encodedKey) else {
                    throw S3Error.refused("MalformedResponse", "A listed key is not URL-encoded UTF-8.")
                }
                keys.append(key)
            }
            guard document.text(at: ["IsTruncated"]) == "true" else { return keys }
            guard let next = document.text(at: ["NextContinuationToken"]), !next.isEmpty else {
                throw S3Error.refused("MalformedResponse", "A truncated listing has no continuation token.")
            }
            continuationToken = next
        }
        throw S3Error.refused("ListingTooLong", "Listing stopped after \(TransportLimits.listPagesMax) pages.")
    }

    /// S3's `encoding-type=url` form: `+` is a space, `%XX` a byte.
    static func urlDecoded(_ text: String) -> String? {
        SigV4Encoding.percentDecode(text.replacingOccurrences(of: "+", with: " "))
    }
}
