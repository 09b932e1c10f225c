/// What the server tells the Kinesis Video Streams control plane: identity for ARNs and the default KMS key,
/// lifecycle timing, and how often retention is applied.
///
/// It exists so the gateway's flags reach the service without the Video module knowing about flags or HTTP. The
/// defaults are those of the other services (Analytics, Firehose): AWS's first region and the all-zero account
/// that local AWS look-alikes use.
public struct VideoConfiguration: Sendable {
    public var region: String
    public var accountId: String
    /// How long CREATING, UPDATING and DELETING last before `run()` finishes them.
    public var stateDelayMs: Int
    /// How often `run()` drops fragments older than each stream's retention.
    public var retentionCheckIntervalMs: Int

    public init(region: String = "us-east-1", accountId: String = "000000000000", stateDelayMs: Int = 500,
                retentionCheckIntervalMs: Int = 60_000) {
        self.region = region
        self.accountId = accountId
        self.stateDelayMs = stateDelayMs
        self.retentionCheckIntervalMs = retentionCheckIntervalMs
    }
}
