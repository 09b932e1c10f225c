/// Every bound the Data Streams service enforces, with the reason it exists.
///
/// Numbers come from the Kinesis Data Streams quotas page and the `Kinesis_20131202` model; where AWS lets an account
/// raise a quota, the default quota is used.
public enum StreamsLimits {
    /// Records in one PutRecords call (model: `PutRecordsRequestEntryList` max 500).
    public static let putRecordsEntriesMax = 500
    /// Bytes of one PutRecords call, data plus partition keys (AWS quota: 5 MiB per request).
    public static let putRecordsBytesMax = 5 << 20
    /// Default bytes of one record, data plus partition key (AWS: 1 MiB until UpdateMaxRecordSize raises it).
    public static let recordBytesMaxDefault = 1 << 20
    /// Partition key length in characters (model: `PartitionKey` 1...256).
    public static let partitionKeyLengthMax = 256
    /// Records one GetRecords may return (model: `GetRecordsInputLimit` max 10,000).
    public static let getRecordsLimitMax = 10_000
    /// Bytes one GetRecords may return (AWS: 10 MiB per call).
    public static let getRecordsBytesMax = 10 << 20
    /// Retention bounds in hours (AWS: 24 hours to 365 days).
    public static let retentionHoursMin = 24
    public static let retentionHoursMax = 8_760
    public static let retentionHoursDefault = 24
    /// Shards an ON_DEMAND stream starts with (AWS: 4 shards, 4 MiB/s write capacity).
    public static let onDemandInitialShardCount = 4
    /// Provisioned shards per account (AWS default quota in most regions).
    public static let accountShardLimit = 500
    /// ON_DEMAND streams per account (AWS default quota).
    public static let onDemandStreamCountLimit = 50
    /// Tags per stream (AWS: 50 user tags per resource).
    public static let tagsPerStreamMax = 50
    /// How long a shard iterator or a ListShards NextToken stays valid (AWS: 5 minutes).
    public static let iteratorLifetimeMs: Int64 = 300_000
    /// Write capacity of one shard (AWS: 1 MiB/s and 1,000 records/s).
    public static let shardWriteBytesPerSecond = 1 << 20
    public static let shardWriteRecordsPerSecond = 1_000
    /// Read capacity of one shard for GetRecords (AWS: 2 MiB/s and 5 calls/s).
    public static let shardReadBytesPerSecond = 2 << 20
    public static let shardReadCallsPerSecond = 5
    /// Enhanced fan-out consumers per stream (AWS: 20).
    public static let consumersPerStreamMax = 20
    /// How long one SubscribeToShard lasts (AWS: 5 minutes) and how often an idle one sends an event (AWS: 5 s).
    public static let subscriptionLifetimeMs: Int64 = 300_000
    public static let subscriptionHeartbeatMs: Int64 = 5_000
    /// How often a write retries routing while resharding closes its shard (2 ms apart: 10 s in all).
    public static let routingAttemptsMax = 5_000
    /// Default page sizes as the API reference gives them.
    public static let describeStreamLimitDefault = 100
    public static let listStreamsLimitDefault = 100
    public static let listShardsLimitDefault = 1_000
    public static let listTagsLimitDefault = 50
}
