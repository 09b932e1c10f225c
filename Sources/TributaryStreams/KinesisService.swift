import Crypto
import Foundation
import Logging
import TributaryLog
import TributaryWire

/// The Kinesis Data Streams API (`Kinesis_20131202`): takes an operation name and its decoded request document,
/// answers a document or throws an error that renders as AWS's.
///
/// It knows nothing of HTTP: the gateway decodes bodies (JSON today, CBOR later) into `Document`s and encodes the
/// answers. Records live in a `RecordStore` (one log per shard), metadata in a `MetadataStore`.
public final class KinesisService: Sendable {
    let configuration: StreamsConfiguration
    let catalog: StreamCatalog
    let records: any RecordStore
    let metadata: any MetadataStore
    /// Bytes of the key that signs shard iterators (`SymmetricKey` itself is not Sendable).
    let iteratorKeyBytes: [UInt8]
    var iteratorKey: SymmetricKey { SymmetricKey(data: iteratorKeyBytes) }
    let logger: Logger
    /// Lets resharding close shards to writers without losing acknowledged records.
    let gates = ShardWriteGates()
    /// Write counts for ON_DEMAND scaling.
    let writeMeter = WriteMeter()
    /// Open SubscribeToShard calls, one per consumer and shard.
    let subscriptions = SubscriptionRegistry()
    /// CloudWatch-named metrics.
    let metrics = StreamMetrics()
    /// AWS's per-shard quotas, consulted only when `configuration.enforceLimits` is on.
    let limiter = ThroughputLimiter()
    /// Local keys standing for the KMS keys streams are encrypted with.
    let keyring: Keyring

    public init(configuration: StreamsConfiguration, records: any RecordStore, metadata: any MetadataStore,
                logger: Logger) throws {
        self.configuration = configuration
        self.records = records
        self.metadata = metadata
        self.logger = logger
        self.catalog = try StreamCatalog(metadata: metadata)
        self.keyring = try Keyring(metadata: metadata)
        self.iteratorKeyBytes = try Self.loadIteratorKey(metadata)
    }

    /// Operation names this service answers, for the gateway's routing.
    public static let targetPrefix = "Kinesis_20131202."

    public func handle(operation: String, request: Document) async throws -> Document {
        guard case .object = request else { throw ServiceError.serialization("Request body must be a JSON object") }
        switch operation {
        case "CreateStream": return try createStream(request)
        case "DeleteStream": return try deleteStream(request)
        case "DescribeStream": return try describeStream(request)
        case "DescribeStreamSummary": return try describeStreamSummary(request)
        case "ListStreams": return try listStreams(request)
        case "ListShards": return try listShards(request)
        case "DescribeLimits": return describeLimits()
        case "PutRecord": return try await putRecord(request)
        case "PutRecords": return try await putRecords(request)
        case "GetShardIterator": return try getShardIterator(request)
        case "GetRecords": return try getRecords(request)
        case "AddTagsToStream": return try addTagsToStream(request)
        case "RemoveTagsFromStream": return try removeTagsFromStream(request)
        case "ListTagsForStream": return try listTagsForStream(request)
        case "TagResource": return try tagResource(request)
        case "UntagResource": return try untagResource(request)
        case "ListTagsForResource": return try listTagsForResource(request)
        case "IncreaseStreamRetentionPeriod": return try changeRetention(request, increase: true)
        case "DecreaseStreamRetentionPeriod": return try changeRetention(request, increase: false)
        case "SplitShard": return try splitShard(request)
        case "MergeShards": return try mergeShards(request)
        case "UpdateShardCount": return try updateShardCount(request)
        case "UpdateStreamMode": return try updateStreamMode(request)
        case "StartStreamEncryption": return try changeEncryption(request, start: true)
        case "StopStreamEncryption": return try changeEncryption(request, start: false)
        case "EnableEnhancedMonitoring": return try changeEnhancedMonitoring(request, enable: true)
        case "DisableEnhancedMonitoring": return try changeEnhancedMonitoring(request, enable: false)
        case "UpdateMaxRecordSize": return try updateMaxRecordSize(request)
        case "UpdateStreamWarmThroughput": return try updateStreamWarmThroughput(request)
        case "DescribeAccountSettings": return try describeAccountSettings()
        case "UpdateAccountSettings": return try updateAccountSettings(request)
        case "PutResourcePolicy": return try putResourcePolicy(request)
        case "GetResourcePolicy": return try getResourcePolicy(request)
        case "DeleteResourcePolicy": return try deleteResourcePolicy(request)
        case "SubscribeToShard":
            throw StreamsError.invalidArgument("SubscribeToShard answers an event stream; the gateway serves it.")
        case "RegisterStreamConsumer": return try registerStreamConsumer(request)
        case "DescribeStreamConsumer": return try describeStreamConsumer(request)
        case "ListStreamConsumers": return try listStreamConsumers(request)
        case "DeregisterStreamConsumer": return try deregisterStreamConsumer(request)
        default: throw ServiceError.unknownOperation()
        }
    }

    /// Finishes the state transitions that a restart interrupted and resumes the pending ones.
    public func resumeTransitions() {
        for stream in catalog.allStreams() {
            if stream.status != .active {
                scheduleTransition(of: stream.name, incarnation: stream.incarnation, deadlineMs: stream.statusDeadlineMs)
            }
            for consumer in stream.consumers where consumer.status != .active {
                scheduleConsumerTransition(stream: stream.name, incarnation: stream.incarnation, consumer: consumer.name,
                                           deadlineMs: consumer.statusDeadlineMs)
            }
        }
    }

    /// The key that signs shard iterators, persisted so that iterators survive a restart within their lifetime.
    private static func loadIteratorKey(_ metadata: any MetadataStore) throws -> [UInt8] {
        let namespace = "server", name = "iterator-key"
        if let bytes = try metadata.load(namespace: namespace)[name], bytes.count == 32 {
            return bytes
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        try metadata.put(namespace: namespace, key: name, value: key)
        return key
    }
}
