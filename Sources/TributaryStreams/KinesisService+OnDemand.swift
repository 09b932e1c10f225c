/// ON_DEMAND capacity: the shard count follows the write rate, which AWS does and local emulators do not.
///
/// The rule, checked every `onDemandCheckIntervalMs`: when the bytes or records written to an ON_DEMAND stream since
/// the last check exceed half of what its open shards take at full rate (1 MiB/s and 1,000 records/s per shard),
/// the stream doubles its open shards through uniform scaling, up to the account's shard limit. It never scales
/// down by itself: like AWS, it keeps the capacity a burst once needed.
extension KinesisService {
    func recordWrite(stream: StreamDescriptor, shardIndex: Int, records: [PendingRecord]) {
        guard stream.mode == .onDemand else { return }
        let bytes = records.reduce(0) { $0 + $1.data.count + $1.partitionKey.utf8.count }
        writeMeter.record(incarnation: stream.incarnation, bytes: bytes, records: records.count)
    }

    /// Checks ON_DEMAND streams at the configured interval until the task is cancelled.
    public func runOnDemandScaling() async {
        let intervalMs = configuration.onDemandCheckIntervalMs
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(intervalMs))
            scaleOnDemandStreams(elapsedMs: intervalMs)
        }
    }

    /// One check of every ON_DEMAND stream against the rule above.
    func scaleOnDemandStreams(elapsedMs: Int) {
        let seconds = Double(max(elapsedMs, 1)) / 1000
        for stream in catalog.allStreams() where stream.mode == .onDemand {
            let usage = writeMeter.take(incarnation: stream.incarnation)
            guard stream.status == .active else { continue }
            let open = stream.openShards.count
            let busyBytes = Double(usage.bytes) / seconds > Double(open) * Double(StreamsLimits.shardWriteBytesPerSecond) / 2
            let busyRecords = Double(usage.records) / seconds > Double(open) * Double(StreamsLimits.shardWriteRecordsPerSecond) / 2
            guard busyBytes || busyRecords else { continue }
            let target = min(open * 2, open + max(0, StreamsLimits.accountShardLimit - totalOpenShards()))
            guard target > open else { continue }
            do {
                try beginUpdate(stream.name) { _, _ in .uniformScaling(target: target) }
                logger.info("on-demand stream scales up", metadata: [
                    "stream": "\(stream.name)", "from": "\(open)", "to": "\(target)",
                    "bytesPerSecond": "\(Int(Double(usage.bytes) / seconds))",
                ])
            } catch {
                logger.debug("on-demand scaling skipped", metadata: ["stream": "\(stream.name)", "error": "\(error)"])
            }
        }
    }

    private func totalOpenShards() -> Int {
        catalog.allStreams().reduce(0) { $0 + $1.openShards.count }
    }
}
