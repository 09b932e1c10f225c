import ArgumentParser
import Foundation
import Logging
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
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        var logger = Logger(label: "tributary")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let configuration = ServerConfiguration(
            host: host, port: port, dataDirectory: URL(fileURLWithPath: dataDirectory),
            fsync: FsyncPolicy(argument: fsync) ?? .always, segmentBytesMax: segmentSize, stateDelayMs: stateDelayMs,
            enforceLimits: enforceLimits, onDemandCheckIntervalMs: onDemandCheckMs)
        try await TributaryServer.run(configuration, logger: logger)
    }
}

/// Reads the environment variables that stand in for flags.
enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
