import Metrics
import Synchronization

/// The CloudWatch metrics Kinesis users know (IncomingRecords, GetRecords.IteratorAgeMilliseconds, ...), emitted
/// through swift-metrics with the dimension StreamName, and, for the shard-level metrics a stream enabled with
/// EnableEnhancedMonitoring, ShardId as well. Whatever backend the process bootstraps (Prometheus in the server)
/// exports them.
///
/// Counters are created once per name and dimensions and cached, so the hot path costs a lock and an add.
final class StreamMetrics: Sendable {
    private let counters = Mutex<[String: Counter]>([:])
    private let gauges = Mutex<[String: Gauge]>([:])

    func count(_ name: String, _ value: Int, stream: StreamDescriptor, shard: ShardDescriptor? = nil) {
        guard value > 0 else { return }
        counter(name, dimensions: [("StreamName", stream.name)]).increment(by: value)
        if let shard, stream.shardLevelMetrics.contains(name) {
            counter(name, dimensions: [("StreamName", stream.name), ("ShardId", shard.shardId)]).increment(by: value)
        }
    }

    func gauge(_ name: String, _ value: Int64, stream: StreamDescriptor, shard: ShardDescriptor? = nil,
               shardLevelName: String? = nil) {
        gaugeHandle(name, dimensions: [("StreamName", stream.name)]).record(value)
        if let shard, let shardLevelName, stream.shardLevelMetrics.contains(shardLevelName) {
            gaugeHandle(shardLevelName, dimensions: [("StreamName", stream.name), ("ShardId", shard.shardId)]).record(value)
        }
    }

    private func counter(_ name: String, dimensions: [(String, String)]) -> Counter {
        Self.cached(name, dimensions, in: counters) { Counter(label: name, dimensions: dimensions) }
    }

    private func gaugeHandle(_ name: String, dimensions: [(String, String)]) -> Gauge {
        Self.cached(name, dimensions, in: gauges) { Gauge(label: name, dimensions: dimensions) }
    }

    private static func cached<Handle: Sendable>(_ name: String, _ dimensions: [(String, String)],
                                                 in cache: borrowing Mutex<[String: Handle]>, make: () -> Handle) -> Handle {
        let key = ([name] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: "|")
        return cache.withLock { handles in
            if let existing = handles[key] { return existing }
            let created = make()
            handles[key] = created
            return created
        }
    }
}
