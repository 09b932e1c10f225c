/// How the Data Streams service presents itself and paces its state changes.
public struct StreamsConfiguration: Sendable {
    /// Region written into ARNs.
    public var region: String
    /// Account written into ARNs and messages (a fixed 12-digit id until authentication names the caller's).
    public var accountId: String
    /// How long CREATING, UPDATING and DELETING last, so that clients which poll see them as on AWS.
    public var stateDelayMs: Int
    /// How often retention removes expired records.
    public var retentionCheckIntervalMs: Int
    /// How often ON_DEMAND streams are checked for scaling.
    public var onDemandCheckIntervalMs: Int
    /// Whether AWS's per-shard throughput quotas are enforced (off by default: local testing wants speed).
    public var enforceLimits: Bool

    public init(region: String = "us-east-1", accountId: String = "000000000000", stateDelayMs: Int = 500,
                retentionCheckIntervalMs: Int = 60_000, onDemandCheckIntervalMs: Int = 10_000,
                enforceLimits: Bool = false) {
        self.region = region
        self.accountId = accountId
        self.stateDelayMs = stateDelayMs
        self.retentionCheckIntervalMs = retentionCheckIntervalMs
        self.onDemandCheckIntervalMs = onDemandCheckIntervalMs
        self.enforceLimits = enforceLimits
    }
}
