import Foundation
import TributaryFirehose
import TributaryLog

/// Everything `tributary serve` can be told: where to listen, where data lives, how durable writes are.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var fsync: FsyncPolicy
    public var segmentBytesMax: Int
    public var stateDelayMs: Int
    /// Apply AWS's per-shard throughput quotas.
    public var enforceLimits: Bool
    /// How often ON_DEMAND streams are checked for scaling.
    public var onDemandCheckIntervalMs: Int

    /// Where S3 destinations write when no S3 endpoint is given (nil: `<data-dir>/s3`).
    public var s3Root: URL?
    /// A real S3 API for S3 destinations, with its SigV4 credentials and region.
    public var s3Endpoint: URL?
    public var s3AccessKeyId: String = ""
    public var s3SecretAccessKey: String = ""
    public var s3Region: String = "us-east-1"
    /// How long a failing S3 delivery is retried (AWS: 24 hours).
    public var s3RetryWindowSeconds: Int = 24 * 3600
    /// Extra certificate authorities (PEM) trusted for HTTPS destinations.
    public var trustedCertificateAuthorities: URL?
    /// Where Lambda processors are invoked.
    public var transform: TransformEndpoint?

    public init(host: String = "127.0.0.1", port: Int = 4567, dataDirectory: URL = URL(fileURLWithPath: "tributary-data"),
                fsync: FsyncPolicy = .always, segmentBytesMax: Int = 64 << 20, stateDelayMs: Int = 500,
                enforceLimits: Bool = false, onDemandCheckIntervalMs: Int = 10_000) {
        self.enforceLimits = enforceLimits
        self.onDemandCheckIntervalMs = onDemandCheckIntervalMs
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.fsync = fsync
        self.segmentBytesMax = segmentBytesMax
        self.stateDelayMs = stateDelayMs
    }
}
