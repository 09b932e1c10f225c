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

    public init(host: String = "127.0.0.1", port: Int = 4567, dataDirectory: URL = URL(fileURLWithPath: "tributary-data"),
                fsync: FsyncPolicy = .always, segmentBytesMax: Int = 64 << 20, stateDelayMs: Int = 500) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.fsync = fsync
        self.segmentBytesMax = segmentBytesMax
        self.stateDelayMs = stateDelayMs
    }
}
