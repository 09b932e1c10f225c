import Foundation
import TributaryWire

/// Stream and account settings: enhanced monitoring, the largest record a stream takes, warm throughput and the
/// minimum throughput billing commitment.
extension KinesisService {
    static let shardLevelMetricNames = ["IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
                                        "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded",
                                        "IteratorAgeMilliseconds"]

    func changeEnhancedMonitoring(_ request: Document, enable: Bool) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let metrics = validation.required(try request.stringList("ShardLevelMetrics"), at: "shardLevelMetrics")
        validation.count(metrics?.count, at: "shardLevelMetrics", min: 1, max: 7, renderedValue: nil)
        for (position, metric) in (metrics ?? []).enumerated() {
            validation.oneOf(metric, at: "shardLevelMetrics.\(position + 1).member", allowed: Self.shardLevelMetricNames + ["ALL"])
        }
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        let requested = (metrics ?? []).contains("ALL") ? Self.shardLevelMetricNames : (metrics ?? [])
        let (before, after) = try updateActiveStream(name) { stream -> ([String], [String]) in
            let before = stream.shardLevelMetrics
            var set = Set(before)
            if enable { set.formUnion(requested) } else { set.subtract(requested) }
            stream.shardLevelMetrics = Self.shardLevelMetricNames.filter(set.contains)
            return (before, stream.shardLevelMetrics)
        }
        return .object([
            "StreamName": .string(name),
            "StreamARN": .string(streamARN(name)),
            "CurrentShardLevelMetrics": .array(before.map { .string($0) }),
            "DesiredShardLevelMetrics": .array(after.map { .string($0) }),
        ])
    }

    func updateMaxRecordSize(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let size = validation.required(try request.integer("MaxRecordSizeInKiB"), at: "maxRecordSizeInKiB")
        validation.range(size, at: "maxRecordSizeInKiB", min: 1024, max: 10240)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let size else { return .object([:]) }
        try updateActiveStream(name) { $0.maxRecordSizeKiB = Int(size) }
        return .object([:])
    }

    func updateStreamWarmThroughput(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let target = validation.required(try request.integer("WarmThroughputMiBps"), at: "warmThroughputMiBps")
        validation.range(target, at: "warmThroughputMiBps", min: 0, max: nil)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let target else { return .object([:]) }
        let current = try updateActiveStream(name) { stream -> Int in
            guard stream.mode == .onDemand else {
                throw StreamsError.invalidArgument("Warm throughput can only be set on streams in ON_DEMAND mode.")
            }
            stream.warmThroughputMiBps = Int(target)
            return stream.openShards.count * (StreamsLimits.shardWriteBytesPerSecond >> 20)
        }
        return .object([
            "StreamName": .string(name),
            "StreamARN": .string(streamARN(name)),
            "WarmThroughput": .object(["TargetMiBps": .integer(target), "CurrentMiBps": .integer(Int64(current))]),
        ])
    }

    /// The account's minimum throughput billing commitment as the metadata store keeps it.
    struct BillingCommitment: Codable {
        var status: String
        var startedAtMs: Int64?
        var endedAtMs: Int64?
        var earliestAllowedEndAtMs: Int64?
    }

    static let accountNamespace = "account"
    /// AWS keeps a commitment at least 24 hours once started.
    static let commitmentMinimumMs: Int64 = 24 * 3_600_000

    func describeAccountSettings() throws -> Document {
        .object(["MinimumThroughputBillingCommitment": commitmentDocument(try loadCommitment())])
    }

    func updateAccountSettings(_ request: Document) throws -> Document {
        var validation = Validation()
        let commitment = validation.required(try request.object("MinimumThroughputBillingCommitment"),
                                             at: "minimumThroughputBillingCommitment")
        let status = try commitment?.string("Status")
        if commitment != nil { _ = validation.required(status, at: "minimumThroughputBillingCommitment.status") }
        validation.oneOf(status, at: "minimumThroughputBillingCommitment.status", allowed: ["ENABLED", "DISABLED"])
        try validation.check()
        var current = try loadCommitment()
        let nowMs = WallClock.nowMs()
        switch status {
        case "ENABLED":
            if current.status != "ENABLED" {
                current = BillingCommitment(status: "ENABLED", startedAtMs: nowMs, endedAtMs: nil,
                                            earliestAllowedEndAtMs: nowMs + Self.commitmentMinimumMs)
            }
        default:
            if current.status == "DISABLED" { break }
            let earliest = current.earliestAllowedEndAtMs ?? nowMs
            current.status = earliest > nowMs ? "ENABLED_UNTIL_EARLIEST_ALLOWED_END" : "DISABLED"
            current.endedAtMs = max(earliest, nowMs)
        }
        try metadata.put(namespace: Self.accountNamespace, key: "billing-commitment",
                         value: Array(try JSONEncoder().encode(current)))
        return .object(["MinimumThroughputBillingCommitment": commitmentDocument(current)])
    }

    private func loadCommitment() throws -> BillingCommitment {
        guard let bytes = try metadata.load(namespace: Self.accountNamespace)["billing-commitment"] else {
            return BillingCommitment(status: "DISABLED")
        }
        var commitment = try JSONDecoder().decode(BillingCommitment.self, from: Data(bytes))
        if commitment.status == "ENABLED_UNTIL_EARLIEST_ALLOWED_END", let end = commitment.endedAtMs, end <= WallClock.nowMs() {
            commitment.status = "DISABLED"
        }
        return commitment
    }

    private func commitmentDocument(_ commitment: BillingCommitment) -> Document {
        var document: [String: Document] = ["Status": .string(commitment.status)]
        if let ms = commitment.startedAtMs { document["StartedAt"] = .timestamp(Double(ms) / 1000) }
        if let ms = commitment.endedAtMs { document["EndedAt"] = .timestamp(Double(ms) / 1000) }
        if let ms = commitment.earliestAllowedEndAtMs { document["EarliestAllowedEndAt"] = .timestamp(Double(ms) / 1000) }
        return .object(document)
    }
}
