import Foundation
import TributaryAuth
import TributaryWire

/// A client for S3-compatible endpoints (AWS S3, moto, MinIO), so Firehose can deliver objects through the S3 API
/// when `--s3-endpoint` is given instead of writing local files.
///
/// Path-style addressing (`endpoint/bucket/key`), every request SigV4-signed with the payload's SHA-256 in
/// `x-amz-content-sha256`. Objects above `multipartThresholdBytes` go up as a multipart upload in parts of
/// `partSizeBytes`; a failed multipart upload is aborted so no parts linger. Nothing is retried here: the delivery
/// layer owns retries. Failures are `S3Error` (the endpoint refused) or `TransportError` (no response).
public struct S3Client: Sendable {
    public let endpoint: URL
    public let region: String
    public let transport: HTTPTransport
    public let multipartThresholdBytes: Int
    public let partSizeBytes: Int
    let signer: SigV4Signer

    public init(endpoint: URL, region: String, credentials: S3Credentials, transport: HTTPTransport,
                multipartThresholdBytes: Int = 16 << 20, partSizeBytes: Int = 8 << 20) {
        precondition(partSizeBytes >= TransportLimits.partSizeBytesMin, "S3 parts are at least 5 MiB")
        precondition(multipartThresholdBytes >= 0, "a threshold cannot be negative")
        self.endpoint = endpoint
        self.region = region
        self.transport = transport
        self.multipartThresholdBytes = multipartThresholdBytes
        self.partSizeBytes = partSizeBytes
        self.signer = SigV4Signer(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                                  sessionToken: credentials.sessionToken, region: region, service: "s3",
                                  uriRule: .s3)
    }

    /// Stores `body` under `key`, replacing any object there; multipart above the threshold.
    public func putObject(bucket: String, key: String, body: [UInt8], contentType: String?) async throws {
        guard !key.isEmpty else { throw S3Error.refused("InvalidArgument", "An object key is empty.") }
        if body.count > multipartThresholdBytes {
            try await putMultipart(bucket: bucket, key: key, body: body, contentType: contentType)
            return
        }
        guard body.count <= TransportLimits.objectBytesMax else {
            throw S3Error.refused("EntityTooLarge", "A single PutObject carries at most 5 GiB.")
        }
        _ = try await send("PUT", bucket: bucket, key: key, headers: contentHeaders(contentType), body: body)
    }

    /// The bytes of an object (bounded by the transport's response limit).
    public func getObject(bucket: String, key: String) async throws -> [UInt8] {
        guard !key.isEmpty else { throw S3Error.refused("InvalidArgument", "An object key is empty.") }
        return try await send("GET", bucket: bucket, key: key).body
    }

    /// Creates a bucket, in the client's region (us-east-1 takes no location constraint).
    public func createBucket(_ bucket: String) async throws {
        guard region != "us-east-1" else {
            _ = try await send("PUT", bucket: bucket, key: nil)
            return
        }
        let configuration = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<LocationConstraint>\(Self.xmlEscaped(region))</LocationConstraint></CreateBucketConfiguration>"
        _ = try await send("PUT", bucket: bucket, key: nil, headers: [("Content-Type", "application/xml")],
                           body: Array(configuration.utf8))
    }

    /// Signs and sends one request; a status outside 2xx becomes the `S3Error` its body describes.
    func send(_ method: String, bucket: String, key: String?, query: [(name: String, value: String)] = [],
              headers: [(String, String)] = [], body: [UInt8] = []) async throws -> HTTPResponseData {
        let url = try url(bucket: bucket, key: key, query: query)
        let payloadHash = SigV4Cryptography.sha256Hex(body)
        let timestamp = SigV4Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let signed = try signer.sign(method: method, url: url,
                                     headers: headers + [("x-amz-content-sha256", payloadHash)],
                                     payloadHash: payloadHash, at: timestamp)
        let request = HTTPRequestSpec(method: method, url: url, headers: signed.headers, body: body)
        let response = try await transport.send(request)
        guard (200..<300).contains(response.status) else { throw S3Error(response: response) }
        return response
    }

    /// `endpoint/bucket[/key][?query]`, the key encoded per segment with its slashes kept, the query canonical.
    func url(bucket: String, key: String?, query: [(name: String, value: String)]) throws -> URL {
        guard !bucket.isEmpty else { throw S3Error.refused("InvalidBucketName", "A bucket name is empty.") }
        var text = endpoint.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/" + SigV4Encoding.percentEncode(bucket)
        if let key { text += "/" + SigV4Encoding.percentEncodePath(key) }
        if !query.isEmpty { text += "?" + SigV4Canonicalization.canonicalQuery(parameters: query) }
        guard let url = URL(string: text) else { throw TransportError.invalidURL(text) }
        return url
    }

    func contentHeaders(_ contentType: String?) -> [(String, String)] {
        [("Content-Type", contentType ?? "binary/octet-stream")]
    }

    static func xmlEscaped(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.append(character)
            }
        }
        return output
    }
}
