/// Everything the metadata store keeps about one data stream. Persisted as JSON (version field first) under the
/// `streams` namespace, keyed by stream name; rewritten atomically on every change.
public struct StreamDescriptor: Codable, Sendable, Equatable {
    /// Format version of this document on disk.
    public var version: Int = 1
    public var name: String
    /// Creation time in ms; also tells apart streams that reused a name (sequence numbers and iterators carry it).
    public var incarnation: Int64
    public var status: StreamStatus
    public var mode: StreamMode
    public var retentionHours: Int
    public var shards: [ShardDescriptor]
    public var tags: [String: String]
    public var maxRecordSizeKiB: Int
    public var shardLevelMetrics: [String]
    /// When the current transitional status (CREATING, UPDATING, DELETING) ends.
    public var statusDeadlineMs: Int64?
    /// What an UPDATING stream becomes when the status ends.
    public var pendingUpdate: PendingUpdate?
    /// The KMS key id records are encrypted with; nil while EncryptionType is NONE.
    public var encryptionKeyId: String?
    /// Enhanced fan-out consumers registered on the stream.
    public var consumers: [ConsumerDescriptor] = []
    /// UpdateStreamWarmThroughput's target, in MiB/s.
    public var warmThroughputMiBps: Int?

    public init(name: String, incarnation: Int64, mode: StreamMode, shards: [ShardDescriptor], tags: [String: String]) {
        self.name = name
        self.incarnation = incarnation
        self.status = .creating
        self.mode = mode
        self.retentionHours = StreamsLimits.retentionHoursDefault
        self.shards = shards
        self.tags = tags
        self.maxRecordSizeKiB = StreamsLimits.recordBytesMaxDefault >> 10
        self.shardLevelMetrics = []
    }

    public var openShards: [ShardDescriptor] { shards.filter(\.isOpen) }

    public func shard(index: Int) -> ShardDescriptor? {
        shards.first { $0.index == index }
    }

    /// The open shard whose range holds `hashKey` (exactly one exists while the stream serves data).
    public func openShard(for hashKey: UInt128) -> ShardDescriptor? {
        shards.first { $0.isOpen && $0.hashKeyRange.contains(hashKey) }
    }

    /// The directory of this stream's logs, unique per incarnation so a recreated stream starts empty.
    public var logDirectory: [String] { ["streams", "\(name).\(incarnation)"] }
}
