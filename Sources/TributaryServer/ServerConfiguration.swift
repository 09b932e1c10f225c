import Foundation
import TributaryFirehose
import TributaryLog

/// Everything `tributary serve` can be told: where to listen (with or without TLS), where data lives, how durable
/// writes are, and the limits put on clients.
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

    /// HTTPS instead of HTTP when both are set: a PEM certificate chain (the server's certificate first) and its
    /// PEM private key. HTTP/2 or HTTP/1.1 is then chosen by ALPN; without TLS, HTTP/1.1 and h2c share the port.
    public var tlsCertificateChain: URL?
    public var tlsPrivateKey: URL?
    /// Whether requests must be signed; without it, listening beyond loopback is warned about at start.
    public var authenticationEnabled: Bool = false
    /// The credentials file (`--credentials`, or `<data-dir>/credentials.json` with `--auth`): when set, every
    /// request must carry a valid SigV4 signature of one of its keys and pass its policies.
    /// The account of a server without credentials (AWS's documentation example account is not used: this one
    /// cannot be mistaken for a real account).
    public static let defaultAccountId = "000000000000"
    /// The one region the server answers for; signatures must be scoped to it.
    public static let region = "us-east-1"

    public var credentialsFile: URL? {
        didSet { authenticationEnabled = credentialsFile != nil }
    }
    /// Open connections past this many are closed on arrival.
    public var connectionsMax: Int = 1_000
    /// A connection without a request in progress is closed after this long (AWS's load balancers: 60 s).
    public var idleTimeoutMs: Int = 60_000
    /// A request's head must arrive whole within this long of its first byte (and a TLS handshake within this long
    /// of the connection), or the connection is closed.
    public var requestHeadTimeoutMs: Int = 10_000
    /// A request body must arrive whole within this long of its head; a streamed upload (PutMedia) may instead
    /// stay silent this long at most.
    public var requestBodyTimeoutMs: Int = 60_000

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
