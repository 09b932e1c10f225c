import Foundation
import Logging
import TributaryLog
import TributaryStreams
import TributaryWire

/// The Amazon Data Firehose API (`Firehose_20150804`): delivery streams that buffer records durably, process and
/// compress them, and deliver them to S3 (local directories or an S3 endpoint) or an HTTP endpoint.
///
/// It knows nothing of HTTP: the gateway hands it operation names and decoded documents. Records wait in a
/// `RecordStore` log per delivery stream until delivered; a data stream source is read through the consumer
/// interface of `KinesisService`, never its files. `run()` is the long-running part: lifecycle transitions, one
/// delivery worker per active stream, one source reader per KinesisStreamAsSource stream.
public final class FirehoseService: Sendable {
    /// Operation names this service answers, for the gateway's routing.
    public static let targetPrefix = "Firehose_20150804."
    /// Segment size for the buffer store the server opens for Firehose: small, so delivered data leaves the disk soon.
    public static let bufferSegmentBytes = FirehoseLimits.bufferSegmentBytes

    let configuration: FirehoseConfiguration
    let catalog: DeliveryStreamCatalog
    let buffers: any RecordStore
    let metadata: any MetadataStore
    let kinesis: KinesisService
    let logger: Logger
    let keyring: BufferKeyring
    /// Positions other readers of the buffers still need (see `FirehoseService+Consumption`).
    let bufferHolds: BufferHolds
    let objects: any ObjectSink
    let metrics = FirehoseMetrics()
    let runtime = DeliveryRuntime()
    /// Outbound HTTP for HTTP endpoints and transform endpoints.
    let transport: HTTPTransport

    public init(configuration: FirehoseConfiguration, buffers: any RecordStore, metadata: any MetadataStore,
                kinesis: KinesisService, logger: Logger) throws {
        self.configuration = configuration
        self.buffers = buffers
        self.metadata = metadata
        self.kinesis = kinesis
        self.logger = logger
        self.catalog = try DeliveryStreamCatalog(metadata: metadata)
        self.keyring = try BufferKeyring(metadata: metadata)
        self.bufferHolds = try BufferHolds(metadata: metadata)
        self.objects = try ObjectSinks.make(configuration.objectStore)
        self.transport = HTTPTransport(timeoutSeconds: 60,
                                       trustedCertificateAuthorities: configuration.trustedCertificateAuthorities)
    }

    public func handle(operation: String, request: Document) async throws -> Document {
        guard case .object = request else { throw ServiceError.serialization("Request body must be a JSON object") }
        // The model's constraints first, with AWS's ValidationException wording (unknown operations fail here too).
        try FirehoseShapes.model.validate(request, operation: operation)
        switch operation {
        case "CreateDeliveryStream": return try createDeliveryStream(request)
        case "DeleteDeliveryStream": return try deleteDeliveryStream(request)
        case "DescribeDeliveryStream": return try describeDeliveryStream(request)
        case "ListDeliveryStreams": return try listDeliveryStreams(request)
        case "PutRecord": return try await putRecord(request)
        case "PutRecordBatch": return try await putRecordBatch(request)
        case "UpdateDestination": return try updateDestination(request)
        case "TagDeliveryStream": return try tagDeliveryStream(request)
        case "UntagDeliveryStream": return try untagDeliveryStream(request)
        case "ListTagsForDeliveryStream": return try listTagsForDeliveryStream(request)
        case "StartDeliveryStreamEncryption": return try changeEncryption(request, start: true)
        case "StopDeliveryStreamEncryption": return try changeEncryption(request, start: false)
        default: throw ServiceError.unknownOperation()
        }
    }

    /// The delivery stream's ARN.
    func arn(_ name: String) -> String {
        ARN(service: "firehose", region: configuration.region, account: configuration.accountId,
            resource: "deliverystream/\(name)").description
    }

    func notFound(_ name: String) -> FirehoseError {
        .resourceNotFound("Firehose \(name) under account \(configuration.accountId) not found.")
    }

    /// The stream, or ResourceNotFoundException (a DELETING stream still exists, as on AWS).
    func existingStream(_ name: String) throws -> DeliveryStreamDescriptor {
        guard let stream = catalog.stream(named: name) else { throw notFound(name) }
        return stream
    }
}
