import TributaryWire

/// Retention: the Increase/DecreaseStreamRetentionPeriod calls and the background trimming they drive.
extension KinesisService {
    func changeRetention(_ request: Document, increase: Bool) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let hours = validation.required(try request.integer("RetentionPeriodHours"), at: "retentionPeriodHours")
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let hours else { return .object([:]) }
        if hours < Int64(StreamsLimits.retentionHoursMin) {
            throw StreamsError.invalidArgument(
                "Minimum allowed retention period is \(StreamsLimits.retentionHoursMin) hours. Requested retention period (\(hours) hours) is too short.")
        }
        if hours > Int64(StreamsLimits.retentionHoursMax) {
            throw StreamsError.invalidArgument(
                "Maximum allowed retention period is \(StreamsLimits.retentionHoursMax) hours. Requested retention period (\(hours) hours) is too long.")
        }
        try updateActiveStream(name) { stream in
            if increase, Int(hours) < stream.retentionHours {
                throw StreamsError.invalidArgument(
                    "Requested retention period (\(hours) hours) for stream \(name) can not be shorter than existing retention period (\(stream.retentionHours) hours). Use DecreaseRetentionPeriod API.")
            }
            if !increase, Int(hours) > stream.retentionHours {
                throw StreamsError.invalidArgument(
                    "Requested retention period (\(hours) hours) for stream \(name) can not be longer than existing retention period (\(stream.retentionHours) hours). Use IncreaseRetentionPeriod API.")
            }
            stream.retentionHours = Int(hours)
        }
        return .object([:])
    }

    /// Removes expired records from every shard of every stream, now and then every retention-check interval,
    /// until the task is cancelled.
    public func runRetention() async {
        while !Task.isCancelled {
            trimExpiredRecords(nowMs: WallClock.nowMs())
            try? await Task.sleep(for: .milliseconds(configuration.retentionCheckIntervalMs))
        }
    }

    /// One retention pass; returns how many segments were deleted.
    @discardableResult
    public func trimExpiredRecords(nowMs: Int64) -> Int {
        var deleted = 0
        for stream in catalog.allStreams() where stream.status.isServingData {
            let cutoffMs = nowMs - Int64(stream.retentionHours) * 3_600_000
            for shard in stream.shards {
                do {
                    deleted += try log(of: shard, in: stream).trim(olderThanMs: cutoffMs)
                } catch {
                    logger.warning("retention failed", metadata: ["stream": "\(stream.name)", "error": "\(error)"])
                }
            }
        }
        return deleted
    }
}
