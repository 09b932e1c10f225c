import Foundation
import TributaryLog

/// Everything `tributary serve` can be told: where to listen, where data lives, how durable writes are.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var fsync: FsyncPolicy
    public var segmentBytesMax: Int
    public var stateDelayMs: Int
    /// Apply AWS's per-shard throughput quotas.
    public var enforceLimits: Bool
    /// How often ON_DEMAND streams are checked for scaling.
    public var onDemandCheckIntervalMs: Int

    public init(host: String = "127.0.0.1", port: Int = 4567, dataDirectory: URL = URL(fileURLWithPath: "tributary-data"),
                fsync: FsyncPolicy = .always, segmentBytesMax: Int = 64 << 20, stateDelayMs: Int = 500,
                enforceLimits: Bool = false, onDemandCheckIntervalMs: Int = 10_000) {
        self.enforceLimits = enforceLimits
        self.onDemandCheckIntervalMs = onDemandCheckIntervalMs
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.fsync = fsync
        self.segmentBytesMax = segmentBytesMax
        self.stateDelayMs = stateDelayMs
    }
}
