import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import TributaryLog
import TributaryStreams

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

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let gateway = Gateway(kinesis: kinesis, metrics: registry, logger: logger)
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
            defer { group.cancelAll() }
            try await app.runService()
        }
        try await store.close()
        logger.info("Tributary stopped; all data flushed", metadata: ["dataDir": "\(directory.path)"])
    }
}
