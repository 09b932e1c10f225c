import Synchronization

/// AWS's per-shard throughput quotas as token buckets, applied only with `--enforce-limits` so that teams can test
/// their back-off code locally.
///
/// Each bucket holds at most one second of its rate and refills continuously. Writes: 1 MiB/s and 1,000 records/s;
/// GetRecords: 5 calls/s and 2 MiB/s, where the bytes a call returned are owed and the next call waits until the
/// debt is repaid, as AWS throttles the call after a large read.
final class ThroughputLimiter: Sendable {
    struct Key: Hashable, Sendable {
        var incarnation: Int64
        var shardIndex: Int
    }

    private struct Bucket {
        var tokens: Double
        var updatedMs: Int64

        mutating func refill(rate: Double, nowMs: Int64) {
            tokens = min(rate, tokens + rate * Double(nowMs - updatedMs) / 1000)
            updatedMs = nowMs
        }
    }

    private struct ShardBuckets {
        var writeBytes: Bucket
        var writeRecords: Bucket
        var readCalls: Bucket
        var readBytes: Bucket

        init(nowMs: Int64) {
            writeBytes = Bucket(tokens: Double(StreamsLimits.shardWriteBytesPerSecond), updatedMs: nowMs)
            writeRecords = Bucket(tokens: Double(StreamsLimits.shardWriteRecordsPerSecond), updatedMs: nowMs)
            readCalls = Bucket(tokens: Double(StreamsLimits.shardReadCallsPerSecond), updatedMs: nowMs)
            readBytes = Bucket(tokens: Double(StreamsLimits.shardReadBytesPerSecond), updatedMs: nowMs)
        }
    }

    private let shards = Mutex<[Key: ShardBuckets]>([:])

    /// How many of `recordBytes` (in order) the shard takes now; the rest exceed its write quota.
    func admitWrites(_ key: Key, recordBytes: [Int], nowMs: Int64) -> Int {
        shards.withLock { shards in
            var buckets = shards[key] ?? ShardBuckets(nowMs: nowMs)
            buckets.writeBytes.refill(rate: Double(StreamsLimits.shardWriteBytesPerSecond), nowMs: nowMs)
            buckets.writeRecords.refill(rate: Double(StreamsLimits.shardWriteRecordsPerSecond), nowMs: nowMs)
            var admitted = 0
            for bytes in recordBytes {
                guard buckets.writeRecords.tokens >= 1, buckets.writeBytes.tokens >= Double(bytes) else { break }
                buckets.writeRecords.tokens -= 1
                buckets.writeBytes.tokens -= Double(bytes)
                admitted += 1
            }
            shards[key] = buckets
            return admitted
        }
    }

    /// Whether a GetRecords call may run now; takes one call token when it may.
    func admitRead(_ key: Key, nowMs: Int64) -> Bool {
        shards.withLock { shards in
            var buckets = shards[key] ?? ShardBuckets(nowMs: nowMs)
            buckets.readCalls.refill(rate: Double(StreamsLimits.shardReadCallsPerSecond), nowMs: nowMs)
            buckets.readBytes.refill(rate: Double(StreamsLimits.shardReadBytesPerSecond), nowMs: nowMs)
            defer { shards[key] = buckets }
            guard buckets.readCalls.tokens >= 1, buckets.readBytes.tokens >= 0 else { return false }
            buckets.readCalls.tokens -= 1
            return true
        }
    }

    /// Charges the bytes a GetRecords returned (possibly into debt).
    func chargeRead(_ key: Key, bytes: Int) {
        shards.withLock { shards in
            shards[key]?.readBytes.tokens -= Double(bytes)
        }
    }
}
