import Foundation
import Logging
import TributaryFirehose
import TributaryLog
import TributaryStreams
import TributaryWire

/// The Kinesis Data Analytics for SQL API (`KinesisAnalytics_20150814`): applications with their code, inputs,
/// outputs, reference data and logging options, their lifecycle, tags, and DiscoverInputSchema.
///
/// It knows nothing of HTTP: the gateway hands it operation names and decoded documents. Descriptors are durable in
/// a `MetadataCatalog`; the SQL itself is compiled and run by an `ApplicationRunner`. `run()` is the long-running
/// part: it finishes STARTING, STOPPING, UPDATING and DELETING through the runner, and on server start resumes the
/// applications that were RUNNING.
public final class AnalyticsService: Sendable {
    /// Operation names this service answers, for the gateway's routing.
    public static let targetPrefix = "KinesisAnalytics_20150814."

    let configuration: AnalyticsConfiguration
    let catalog: ApplicationCatalog
    let kinesis: KinesisService
    let firehose: FirehoseService
    let runner: any ApplicationRunner
    let logger: Logger
    /// Reads S3 objects for DiscoverInputSchema; nil when the server has no object store.
    let objects: ObjectReader?
    /// Which application incarnations the runner has running, so a stop is only asked of started ones.
    let started = StartedApplications()

    public init(configuration: AnalyticsConfiguration, metadata: any MetadataStore, kinesis: KinesisService,
                firehose: FirehoseService, runner: any ApplicationRunner, logger: Logger) throws {
        self.configuration = configuration
        self.kinesis = kinesis
        self.firehose = firehose
        self.runner = runner
        self.logger = logger
        self.catalog = try ApplicationCatalog(metadata: metadata)
        self.objects = configuration.objectStore.map { ObjectReader(settings: $0) }
    }

    public func handle(operation: String, request: Document) async throws -> Document {
        guard case .object = request else { throw ServiceError.serialization("Request body must be a JSON object") }
        // The model's constraints first, with AWS's ValidationException wording (unknown operations fail here too).
        try AnalyticsExtensionShapes.model(for: operation).validate(request, operation: operation)
        switch operation {
        case "CreateApplication": return try await createApplication(request)
        case "DescribeApplication": return try describeApplication(request)
        case "ListApplications": return try listApplications(request)
        case "DeleteApplication": return try deleteApplication(request)
        case "StartApplication": return try await startApplication(request)
        case "StopApplication": return try stopApplication(request)
        case "UpdateApplication": return try await updateApplication(request)
        case "AddApplicationInput": return try await addApplicationInput(request)
        case "AddApplicationInputProcessingConfiguration": return try addInputProcessingConfiguration(request)
        case "DeleteApplicationInputProcessingConfiguration": return try deleteInputProcessingConfiguration(request)
        case "AddApplicationOutput": return try await addApplicationOutput(request)
        case "DeleteApplicationOutput": return try deleteApplicationOutput(request)
        case "AddApplicationReferenceDataSource": return try addReferenceDataSource(request)
        case "DeleteApplicationReferenceDataSource": return try deleteReferenceDataSource(request)
        case "AddApplicationCloudWatchLoggingOption": return try addCloudWatchLoggingOption(request)
        case "DeleteApplicationCloudWatchLoggingOption": return try deleteCloudWatchLoggingOption(request)
        case "TagResource": return try tagResource(request)
        case "UntagResource": return try untagResource(request)
        case "ListTagsForResource": return try listTagsForResource(request)
        case "DiscoverInputSchema": return try await discoverInputSchema(request)
        case "GetInApplicationStreamRecords": return try getInApplicationStreamRecords(request)
        default: throw ServiceError.unknownOperation()
        }
    }

    /// The application's ARN.
    func arn(_ name: String) -> String {
        ARN(service: "kinesisanalytics", region: configuration.region, account: configuration.accountId,
            resource: "application/\(name)").description
    }

    func notFound(_ name: String) -> AnalyticsError {
        .resourceNotFound("Application \(name) is not found")
    }

    /// The application, or ResourceNotFoundException (a DELETING application still exists, as on AWS).
    func existingApplication(_ name: String) throws -> ApplicationDescriptor {
        guard let application = catalog.application(named: name) else { throw notFound(name) }
        return application
    }
}
