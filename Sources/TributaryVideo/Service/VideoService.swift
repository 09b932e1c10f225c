import Logging
import TributaryLog
import TributaryWire

/// The Kinesis Video Streams control plane (`kinesisvideo` 2017-09-30): streams, their metadata, retention, tags,
/// image generation and notification configurations, and GetDataEndpoint.
///
/// It knows nothing of HTTP: the gateway maps REST paths to operation names (`operation(forPath:)`) and hands it
/// decoded JSON documents. Descriptors are durable in a `MetadataCatalog`; fragments live in the `FragmentStore`,
/// which this service only empties (DeleteStream) and trims (retention). The data plane finds its stream through
/// `dataStream(name:arn:)`. `run()` is the long-running part: it finishes CREATING, UPDATING and DELETING after
/// `stateDelayMs` and applies retention every `retentionCheckIntervalMs`.
public final class VideoService: Sendable {
    let configuration: VideoConfiguration
    let catalog: VideoStreamCatalog
    let fragments: FragmentStore
    let logger: Logger
    /// Signs and checks streaming session tokens.
    let sessionKey: SessionSigningKey

    public init(configuration: VideoConfiguration, metadata: any MetadataStore, fragments: FragmentStore,
                logger: Logger) throws {
        self.configuration = configuration
        self.fragments = fragments
        self.logger = logger
        self.catalog = try VideoStreamCatalog(metadata: metadata)
        self.sessionKey = try SessionSigningKey.load(metadata)
    }

    /// "CreateStream" for "/createStream" etc.: every kinesisvideo, kinesis-video-media and
    /// kinesis-video-archived-media requestUri in botocore's models, plus "PutMedia" for "/putMedia". nil otherwise.
    public static func operation(forPath path: String) -> String? {
        VideoOperationPaths.operations[path]
    }

    /// Answers one control-plane operation. `endpoint` is the data endpoint GetDataEndpoint hands out (this
    /// server's own URL, as the gateway sees it).
    ///
    /// The request is first checked against the kinesisvideo model; constraint failures are answered as
    /// InvalidArgumentException, as Kinesis Video does, with the ValidationException wording. Operations outside
    /// what this server keeps (signaling channels, edge and storage configurations) and data-plane operations
    /// throw UnknownOperationException.
    public func handle(operation: String, request: Document, endpoint: String) async throws -> Document {
        let body: Document = request == .null ? .object([:]) : request
        guard case .object = body else { throw ServiceError.serialization("Request body must be a JSON object") }
        try Self.validate(body, operation: operation, model: VideoShapes.model)
        switch operation {
        case "CreateStream": return try createStream(body)
        case "DescribeStream": return try describeStream(body)
        case "ListStreams": return try listStreams(body)
        case "DeleteStream": return try deleteStream(body)
        case "UpdateStream": return try updateStream(body)
        case "UpdateDataRetention": return try updateDataRetention(body)
        case "TagStream": return try tagStream(body)
        case "UntagStream": return try untagStream(body)
        case "ListTagsForStream": return try listTagsForStream(body)
        case "TagResource": return try tagResource(body)
        case "UntagResource": return try untagResource(body)
        case "ListTagsForResource": return try listTagsForResource(body)
        case "GetDataEndpoint": return try getDataEndpoint(body, endpoint: endpoint)
        case "DescribeImageGenerationConfiguration": return try describeImageGenerationConfiguration(body)
        case "UpdateImageGenerationConfiguration": return try updateImageGenerationConfiguration(body)
        case "DescribeNotificationConfiguration": return try describeNotificationConfiguration(body)
        case "UpdateNotificationConfiguration": return try updateNotificationConfiguration(body)
        default: throw ServiceError.unknownOperation()
        }
    }
}
