import Foundation

/// What the server tells Firehose: identity for ARNs, lifecycle timing, and where objects and transforms go.
///
/// It exists so the gateway's flags reach the service without Firehose knowing about flags or HTTP.
public struct FirehoseConfiguration: Sendable {
    public var region: String
    public var accountId: String
    /// How long CREATING and DELETING last.
    public var stateDelayMs: Int
    /// Where S3 destinations write: local directories or an S3 endpoint.
    public var objectStore: ObjectStoreSettings
    /// Where Lambda processors are invoked: an HTTP URL or a local command, or nil when none is configured.
    public var transform: TransformEndpoint?
    /// How long a failing S3 delivery is retried before its batch is written off (AWS: 24 hours).
    public var s3RetryWindowSeconds: Int
    /// Extra certificate authorities (a PEM file) trusted for HTTPS endpoints and transform URLs.
    public var trustedCertificateAuthorities: URL?

    public init(region: String = "us-east-1", accountId: String = "000000000000", stateDelayMs: Int = 500,
                objectStore: ObjectStoreSettings, transform: TransformEndpoint? = nil,
                s3RetryWindowSeconds: Int = 24 * 3600, trustedCertificateAuthorities: URL? = nil) {
        self.trustedCertificateAuthorities = trustedCertificateAuthorities
        self.region = region
        self.accountId = accountId
        self.stateDelayMs = stateDelayMs
        self.objectStore = objectStore
        self.transform = transform
        self.s3RetryWindowSeconds = s3RetryWindowSeconds
    }
}

/// Where S3 destinations put their objects.
public enum ObjectStoreSettings: Sendable {
    /// `arn:aws:s3:::bucket` becomes `<root>/bucket/`, object keys become relative paths.
    case localDirectory(URL)
    /// A real S3 API (AWS, MinIO, moto) reached with SigV4 credentials.
    case s3(endpoint: URL, region: String, accessKeyId: String, secretAccessKey: String)
}

/// How a Lambda processor's function is reached, since no Lambda runs here.
public enum TransformEndpoint: Sendable, Equatable {
    /// POST of Lambda's Firehose event as JSON; the answer is the function's response. The function ARN travels in
    /// the `X-Tributary-Lambda-Arn` header.
    case http(URL)
    /// A command run through `/bin/sh -c` with the event on stdin and the response on stdout; the function ARN is in
    /// the environment as `LAMBDA_ARN`.
    case command(String)
}
