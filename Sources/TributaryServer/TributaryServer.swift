import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Metrics
import NIOCore
import Prometheus
import TributaryAnalytics
import TributaryAuth
import TributaryConsole
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
        // With credentials, their account is the server's: every ARN callers see carries it.
        let credentials = try configuration.credentialsFile.map { try CredentialStore(contentsOfFile: $0.path) }
        let accountId = credentials?.accountId ?? ServerConfiguration.defaultAccountId
        let kinesis = try KinesisService(
            configuration: StreamsConfiguration(
                accountId: accountId, stateDelayMs: configuration.stateDelayMs, onDemandCheckIntervalMs: configuration.onDemandCheckIntervalMs,
                enforceLimits: configuration.enforceLimits),
            records: store, metadata: metadata, logger: logger)
        kinesis.resumeTransitions()
        let firehoseBuffers = try FileRecordStore(
            directory: directory.appendingPathComponent("firehose"),
            configuration: LogConfiguration(segmentBytesMax: FirehoseService.bufferSegmentBytes, fsync: configuration.fsync))
        let firehose = try FirehoseService(
            configuration: FirehoseConfiguration(
                accountId: accountId, stateDelayMs: configuration.stateDelayMs, objectStore: objectStore(configuration, directory: directory),
                transform: configuration.transform, s3RetryWindowSeconds: configuration.s3RetryWindowSeconds,
                trustedCertificateAuthorities: configuration.trustedCertificateAuthorities),
            buffers: firehoseBuffers, metadata: metadata, kinesis: kinesis, logger: logger)
        let objects = objectStore(configuration, directory: directory)
        let applications = try ApplicationRuntime(kinesis: kinesis, firehose: firehose, metadata: metadata,
                                                  objects: ObjectReader(settings: objects), logger: logger)
        let analytics = try AnalyticsService(
            configuration: AnalyticsConfiguration(accountId: accountId, stateDelayMs: configuration.stateDelayMs, objectStore: objects),
            metadata: metadata, kinesis: kinesis, firehose: firehose, runner: applications, logger: logger)
        let video = try VideoService(
            configuration: VideoConfiguration(accountId: accountId, stateDelayMs: configuration.stateDelayMs),
            metadata: metadata, fragments: FragmentStore(records: store), logger: logger)

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let console = try ConsoleAssets.bundled()
        if console == nil {
            logger.warning("the web console's files were not found beside the executable; /console/ answers 404")
        }
        let gateway = Gateway(kinesis: kinesis, firehose: firehose, analytics: analytics, video: video, console: console,
                              accessControl: try credentials.map {
                                  try GatewayAccessControl(credentials: $0, region: ServerConfiguration.region,
                                                           kinesis: kinesis)
                              },
                              scheme: configuration.tlsCertificateChain == nil ? "http" : "https", metrics: registry,
                              logger: logger)
        let app = Application(
            responder: CallbackResponder<GatewayRequestContext> { request, context in
                await gateway.respond(to: request, channel: context.channel)
            },
            server: try serverBuilder(configuration, logger: logger),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Tributary"),
            onServerRunning: { channel in
                logger.info("Tributary listening", metadata: [
                    "address": "\(channel.localAddress.map { "\($0)" } ?? "\(configuration.host):\(configuration.port)")",
                    "tls": "\(configuration.tlsCertificateChain != nil)",
                    "dataDir": "\(directory.path)",
                    "fsync": "\(configuration.fsync)",
                ])
                if !configuration.authenticationEnabled, !TributaryServer.isLoopback(configuration.host) {
                    logger.warning(
                        "listening beyond loopback without authentication: whoever reaches this port can do anything",
                        metadata: ["host": "\(configuration.host)"])
                }
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

    /// HTTPS with ALPN when a certificate and key are configured, HTTP/1.1 and h2c otherwise; both with the
    /// configured connection limits.
    private static func serverBuilder(_ configuration: ServerConfiguration, logger: Logger) throws -> HTTPServerBuilder {
        let limits = ConnectionLimits(configuration)
        let counter = ConnectionLimitCounter(connectionsMax: limits.connectionsMax)
        switch (configuration.tlsCertificateChain, configuration.tlsPrivateKey) {
        case let (certificateChain?, privateKey?):
            let context = try TLSServerChannel.makeContext(certificateChain: certificateChain.path,
                                                           privateKey: privateKey.path)
            return .https(context: context, limits: limits, counter: counter, logger: logger)
        case (nil, nil):
            return .http1AndH2C(limits: limits, counter: counter, logger: logger)
        case (nil, _?):
            throw TLSSetupError.incompletePair(missing: "certificate chain")
        case (_?, nil):
            throw TLSSetupError.incompletePair(missing: "private key")
        }
    }

    /// Whether `host` only accepts connections from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
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
