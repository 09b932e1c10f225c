import ArgumentParser
import Foundation
import Logging
import TributaryFirehose
import TributaryLog
import TributaryServer

/// `tributary serve`: every flag can also come from a TRIBUTARY_* environment variable.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the server (Ctrl-C or SIGTERM stops it after flushing).")

    @Option(help: "Address to listen on (env TRIBUTARY_HOST).")
    var host: String = Environment.value("TRIBUTARY_HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on (env TRIBUTARY_PORT).")
    var port: Int = Environment.value("TRIBUTARY_PORT").flatMap(Int.init) ?? 4567

    @Option(name: .customLong("data-dir"), help: "Directory holding all data (env TRIBUTARY_DATA_DIR).")
    var dataDirectory: String = Environment.value("TRIBUTARY_DATA_DIR") ?? "./tributary-data"

    @Option(help: "When writes reach the disk: always (before each answer), interval (every second), never (env TRIBUTARY_FSYNC).")
    var fsync: String = Environment.value("TRIBUTARY_FSYNC") ?? "always"

    @Option(name: .customLong("segment-size"), help: "Bytes after which a shard's segment file rolls (env TRIBUTARY_SEGMENT_SIZE).")
    var segmentSize: Int = Environment.value("TRIBUTARY_SEGMENT_SIZE").flatMap(Int.init) ?? 64 << 20

    @Option(name: .customLong("state-delay-ms"), help: "How long CREATING, UPDATING and DELETING last (env TRIBUTARY_STATE_DELAY_MS).")
    var stateDelayMs: Int = Environment.value("TRIBUTARY_STATE_DELAY_MS").flatMap(Int.init) ?? 500

    @Flag(name: .customLong("enforce-limits"), help: "Apply AWS's per-shard throughput quotas (env TRIBUTARY_ENFORCE_LIMITS=1).")
    var enforceLimits: Bool = Environment.value("TRIBUTARY_ENFORCE_LIMITS").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false

    @Option(name: .customLong("on-demand-check-ms"), help: "How often ON_DEMAND streams are checked for scaling (env TRIBUTARY_ON_DEMAND_CHECK_MS).")
    var onDemandCheckMs: Int = Environment.value("TRIBUTARY_ON_DEMAND_CHECK_MS").flatMap(Int.init) ?? 10_000

    @Option(name: .customLong("s3-root"), help: "Directory S3 destinations write to when no --s3-endpoint is given (default <data-dir>/s3; env TRIBUTARY_S3_ROOT).")
    var s3Root: String = Environment.value("TRIBUTARY_S3_ROOT") ?? ""
    @Option(name: .customLong("s3-endpoint"), help: "URL of an S3 API that S3 destinations deliver to instead of local files (env TRIBUTARY_S3_ENDPOINT).")
    var s3Endpoint: String = Environment.value("TRIBUTARY_S3_ENDPOINT") ?? ""
    @Option(name: .customLong("s3-access-key"), help: "Access key id for --s3-endpoint (env TRIBUTARY_S3_ACCESS_KEY, else AWS_ACCESS_KEY_ID).")
    var s3AccessKey: String = Environment.value("TRIBUTARY_S3_ACCESS_KEY") ?? Environment.value("AWS_ACCESS_KEY_ID") ?? ""
    @Option(name: .customLong("s3-secret-key"), help: "Secret key for --s3-endpoint (env TRIBUTARY_S3_SECRET_KEY, else AWS_SECRET_ACCESS_KEY).")
    var s3SecretKey: String = Environment.value("TRIBUTARY_S3_SECRET_KEY") ?? Environment.value("AWS_SECRET_ACCESS_KEY") ?? ""
    @Option(name: .customLong("s3-region"), help: "Region that requests to --s3-endpoint are signed for (env TRIBUTARY_S3_REGION).")
    var s3Region: String = Environment.value("TRIBUTARY_S3_REGION") ?? "us-east-1"
    @Option(name: .customLong("s3-retry-seconds"), help: "How long a failing S3 delivery is retried before the batch is dropped (AWS: 86400; env TRIBUTARY_S3_RETRY_SECONDS).")
    var s3RetrySeconds: Int = Environment.value("TRIBUTARY_S3_RETRY_SECONDS").flatMap(Int.init) ?? 86_400
    @Option(name: .customLong("transform-url"), help: "URL that Firehose Lambda processors POST Lambda's event to (env TRIBUTARY_TRANSFORM_URL).")
    var transformURL: String = Environment.value("TRIBUTARY_TRANSFORM_URL") ?? ""
    @Option(name: .customLong("transform-command"), help: "Command run for Firehose Lambda processors: event on stdin, response on stdout (env TRIBUTARY_TRANSFORM_COMMAND).")
    var transformCommand: String = Environment.value("TRIBUTARY_TRANSFORM_COMMAND") ?? ""
    @Option(name: .customLong("trust-ca"), help: "PEM file of extra certificate authorities trusted for HTTPS destinations (env TRIBUTARY_TRUST_CA).")
    var trustCA: String = Environment.value("TRIBUTARY_TRUST_CA") ?? ""
    @Flag(name: .customLong("auth"), help: "Require SigV4-signed requests, with the credentials and policies of <data-dir>/credentials.json unless --credentials names another file (env TRIBUTARY_AUTH=1).")
    var auth: Bool = Environment.value("TRIBUTARY_AUTH").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
    @Option(name: .customLong("credentials"), help: "JSON file of the accepted credentials and their policies; turns authentication on (env TRIBUTARY_CREDENTIALS).")
    var credentials: String = Environment.value("TRIBUTARY_CREDENTIALS") ?? ""
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain to serve HTTPS with, HTTP/2 by ALPN; needs --tls-key (env TRIBUTARY_TLS_CERT).")
    var tlsCertificate: String = Environment.value("TRIBUTARY_TLS_CERT") ?? ""
    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert (env TRIBUTARY_TLS_KEY).")
    var tlsKey: String = Environment.value("TRIBUTARY_TLS_KEY") ?? ""
    @Option(name: .customLong("max-connections"), help: "Open connections past this many are closed on arrival (env TRIBUTARY_MAX_CONNECTIONS).")
    var maxConnections: Int = Environment.value("TRIBUTARY_MAX_CONNECTIONS").flatMap(Int.init) ?? 1_000
    @Option(name: .customLong("idle-timeout-ms"), help: "A connection without a request in progress is closed after this long (env TRIBUTARY_IDLE_TIMEOUT_MS).")
    var idleTimeoutMs: Int = Environment.value("TRIBUTARY_IDLE_TIMEOUT_MS").flatMap(Int.init) ?? 60_000
    @Option(name: .customLong("request-head-timeout-ms"), help: "A request head (or TLS handshake) slower than this is cut off (env TRIBUTARY_REQUEST_HEAD_TIMEOUT_MS).")
    var requestHeadTimeoutMs: Int = Environment.value("TRIBUTARY_REQUEST_HEAD_TIMEOUT_MS").flatMap(Int.init) ?? 10_000
    @Option(name: .customLong("request-body-timeout-ms"), help: "A request body slower than this is cut off; a PutMedia upload may pause this long (env TRIBUTARY_REQUEST_BODY_TIMEOUT_MS).")
    var requestBodyTimeoutMs: Int = Environment.value("TRIBUTARY_REQUEST_BODY_TIMEOUT_MS").flatMap(Int.init) ?? 60_000
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env TRIBUTARY_LOG_LEVEL).")
    var logLevel: String = Environment.value("TRIBUTARY_LOG_LEVEL") ?? "info"

    func validate() throws {
        guard FsyncPolicy(argument: fsync) != nil else {
            throw ValidationError("--fsync must be always, interval or never")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard segmentSize >= 1 << 16 else { throw ValidationError("--segment-size must be at least 65536 bytes") }
        guard stateDelayMs >= 0 else { throw ValidationError("--state-delay-ms must not be negative") }
        guard onDemandCheckMs >= 100 else { throw ValidationError("--on-demand-check-ms must be at least 100") }
        if !s3Endpoint.isEmpty, URL(string: s3Endpoint)?.host == nil { throw ValidationError("--s3-endpoint must be a URL") }
        if !transformURL.isEmpty, URL(string: transformURL)?.host == nil {
            throw ValidationError("--transform-url must be a URL")
        }
        if !transformURL.isEmpty, !transformCommand.isEmpty {
            throw ValidationError("give --transform-url or --transform-command, not both")
        }
        guard s3RetrySeconds >= 0 else { throw ValidationError("--s3-retry-seconds must not be negative") }
        if !credentials.isEmpty, !FileManager.default.isReadableFile(atPath: credentials) {
            throw ValidationError("--credentials: cannot read \(credentials)")
        }
        if tlsCertificate.isEmpty != tlsKey.isEmpty { throw ValidationError("give --tls-cert and --tls-key together") }
        for path in [tlsCertificate, tlsKey] where !path.isEmpty && !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read \(path)")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard idleTimeoutMs >= 100, requestHeadTimeoutMs >= 100, requestBodyTimeoutMs >= 100 else {
            throw ValidationError("--idle-timeout-ms, --request-head-timeout-ms and --request-body-timeout-ms must be at least 100")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        var logger = Logger(label: "tributary")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = ServerConfiguration(
            host: host, port: port, dataDirectory: URL(fileURLWithPath: dataDirectory),
            fsync: FsyncPolicy(argument: fsync) ?? .always, segmentBytesMax: segmentSize, stateDelayMs: stateDelayMs,
            enforceLimits: enforceLimits, onDemandCheckIntervalMs: onDemandCheckMs)
        configuration.s3Root = s3Root.isEmpty ? nil : URL(fileURLWithPath: s3Root)
        configuration.s3Endpoint = s3Endpoint.isEmpty ? nil : URL(string: s3Endpoint)
        configuration.s3AccessKeyId = s3AccessKey
        configuration.s3SecretAccessKey = s3SecretKey
        configuration.s3Region = s3Region
        configuration.s3RetryWindowSeconds = s3RetrySeconds
        configuration.trustedCertificateAuthorities = trustCA.isEmpty ? nil : URL(fileURLWithPath: trustCA)
        if !credentials.isEmpty {
            configuration.credentialsFile = URL(fileURLWithPath: credentials)
        } else if auth {
            configuration.credentialsFile = URL(fileURLWithPath: dataDirectory).appendingPathComponent("credentials.json")
        }
        if !tlsCertificate.isEmpty, !tlsKey.isEmpty {
            configuration.tlsCertificateChain = URL(fileURLWithPath: tlsCertificate)
            configuration.tlsPrivateKey = URL(fileURLWithPath: tlsKey)
        }
        configuration.connectionsMax = maxConnections
        configuration.idleTimeoutMs = idleTimeoutMs
        configuration.requestHeadTimeoutMs = requestHeadTimeoutMs
        configuration.requestBodyTimeoutMs = requestBodyTimeoutMs
        if !transformURL.isEmpty, let url = URL(string: transformURL) {
            configuration.transform = .http(url)
        } else if !transformCommand.isEmpty {
            configuration.transform = .command(transformCommand)
        }
        try await TributaryServer.run(configuration, logger: logger)
    }
}

/// Reads the environment variables that stand in for flags.
enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
