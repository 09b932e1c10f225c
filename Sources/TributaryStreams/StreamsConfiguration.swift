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

    public init(region: String = "us-east-1", accountId: String = "000000000000", stateDelayMs: Int = 500,
                retentionCheckIntervalMs: Int = 60_000) {
        self.region = region
        self.accountId = accountId
        self.stateDelayMs = stateDelayMs
        self.retentionCheckIntervalMs = retentionCheckIntervalMs
    }
}
