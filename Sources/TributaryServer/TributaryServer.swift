import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import TributaryAnalytics
import TributaryFirehose
import TributaryLog
import TributaryStreams
import TributaryVideo

/// Opens the storage, builds the services and serves them on one port until SIGINT or SIGTERM, then flushes
/// every log to disk before returning.
public enum TributaryServer {
    public static func run(_ configuration: ServerConfiguration, logger: Logger) async throws {
        let directory = configuration.dataDirectory.standardizedFileURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try FileRecordStore(
            directory: directory,
            configuration: LogConfiguration(segmentBytesMax: configuration.segmentBytesMax, fsync: configuration.fsync))
        let metadata = try FileMetadataStore(directory: directory.appendingPathComponent("meta"))
        let kinesis = try KinesisService(
            configuration: StreamsConfiguration(
                stateDelayMs: configuration.stateDelayMs, onDemandCheckIntervalMs: configuration.onDemandCheckIntervalMs,
                enforceLimits: configuration.enforceLimits),
            records: store, metadata: metadata, logger: logger)
        kinesis.resumeTransitions()
        let firehoseBuffers = try FileRecordStore(
            directory: directory.appendingPathComponent("firehose"),
            configuration: LogConfiguration(segmentBytesMax: FirehoseService.bufferSegmentBytes, fsync: configuration.fsync))
        let firehose = try FirehoseService(
            configuration: FirehoseConfiguration(
                stateDelayMs: configuration.stateDelayMs, objectStore: objectStore(configuration, directory: directory),
                transform: configuration.transform, s3RetryWindowSeconds: configuration.s3RetryWindowSeconds,
                trustedCertificateAuthorities: configuration.trustedCertificateAuthorities),
            buffers: firehoseBuffers, metadata: metadata, kinesis: kinesis, logger: logger)
        let objects = objectStore(configuration, directory: directory)
        let applications = try ApplicationRuntime(kinesis: kinesis, firehose: firehose, metadata: metadata,
                                                  objects: ObjectReader(settings: objects), logger: logger)
        let analytics = try AnalyticsService(
            configuration: AnalyticsConfiguration(stateDelayMs: configuration.stateDelayMs, objectStore: objects),
            metadata: metadata, kinesis: kinesis, firehose: firehose, runner: applications, logger: logger)
        let video = try VideoService(
            configuration: VideoConfiguration(stateDelayMs: configuration.stateDelayMs),
            metadata: metadata, fragments: FragmentStore(records: store), logger: logger)

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let gateway = Gateway(kinesis: kinesis, firehose: firehose, analytics: analytics, video: video,
                              accessControl: nil, metrics: registry,
                              logger: logger)
        let app = Application(
            responder: CallbackResponder<GatewayRequestContext> { request, context in
                await gateway.respond(to: request, channel: context.channel)
            },
            server: .http1AndH2C,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Tributary"),
            onServerRunning: { channel in
                logger.info("Tributary listening", metadata: [
                    "address": "\(channel.localAddress.map { "\($0)" } ?? "\(configuration.host):\(configuration.port)")",
                    "dataDir": "\(directory.path)",
                    "fsync": "\(configuration.fsync)",
                ])
            },
            logger: logger)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await kinesis.runRetention() }
            group.addTask { await kinesis.runOnDemandScaling() }
            group.addTask { await firehose.run() }
            group.addTask { await analytics.run() }
            group.addTask { await video.run() }
            defer { group.cancelAll() }
            try await app.runService()
        }
        await applications.stopAll()
        try await firehoseBuffers.close()
        try await store.close()
        logger.info("Tributary stopped; all data flushed", metadata: ["dataDir": "\(directory.path)"])
    }

    /// Local directories by default; the S3 API when an endpoint is configured.
    private static func objectStore(_ configuration: ServerConfiguration, directory: URL) -> ObjectStoreSettings {
        if let endpoint = configuration.s3Endpoint {
            return .s3(endpoint: endpoint, region: configuration.s3Region, accessKeyId: configuration.s3AccessKeyId,
                       secretAccessKey: configuration.s3SecretAccessKey)
        }
        return .localDirectory(configuration.s3Root ?? directory.appendingPathComponent("s3"))
    }
}
