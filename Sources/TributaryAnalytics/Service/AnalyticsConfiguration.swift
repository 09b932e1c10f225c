import TributaryFirehose

/// What the server tells the Analytics control plane: identity for ARNs, lifecycle timing, and where S3 objects
/// (reference data, DiscoverInputSchema samples) are read from.
///
/// It exists so the gateway's flags reach the service without Analytics knowing about flags or HTTP.
public struct AnalyticsConfiguration: Sendable {
    public var region: String
    public var accountId: String
    /// How long STARTING, STOPPING, UPDATING and DELETING last before `run()` finishes them.
    public var stateDelayMs: Int
    /// The object store Firehose writes to (the same settings), so `arn:aws:s3:::bucket` objects can be read; nil
    /// when the server has none, and then S3 reads fail with InvalidArgumentException.
    public var objectStore: ObjectStoreSettings?

    public init(region: String = "us-east-1", accountId: String = "000000000000", stateDelayMs: Int = 500,
                objectStore: ObjectStoreSettings? = nil) {
        self.region = region
        self.accountId = accountId
        self.stateDelayMs = stateDelayMs
        self.objectStore = objectStore
    }
}
