import Metrics
import Synchronization

/// The CloudWatch metrics of Firehose (IncomingRecords, DeliveryToS3.Records, DeliveryToS3.DataFreshness, the
/// DeliveryToHttpEndpoint.* equivalents...), with the dimension DeliveryStreamName, through swift-metrics; the server
/// exports them at /metrics.
///
/// One more gauge is Tributary's own, for the console: `LastDeliveryTimestamp`, the epoch second of the last batch
/// the destination accepted.
///
/// Handles are created once per name and stream and cached.
final class FirehoseMetrics: Sendable {
    private let counters = Mutex<[String: Counter]>([:])
    private let gauges = Mutex<[String: Gauge]>([:])

    func incoming(stream: String, records: Int, bytes: Int) {
        count("IncomingRecords", records, stream: stream)
        count("IncomingBytes", bytes, stream: stream)
        count("IncomingPutRequests", 1, stream: stream)
    }

    func deliveredToS3(stream: String, records: Int, bytes: Int, success: Bool, oldestArrivalMs: Int64) {
        count("DeliveryToS3.Records", records, stream: stream)
        count("DeliveryToS3.Bytes", success ? bytes : 0, stream: stream)
        count("DeliveryToS3.Success", success ? 1 : 0, stream: stream)
        count("DeliveryToS3.Attempts", 1, stream: stream)
        gauge("DeliveryToS3.DataFreshness", freshnessSeconds(oldestArrivalMs), stream: stream)
        if success { deliveredNow(stream: stream) }
    }

    func deliveredToHTTPEndpoint(stream: String, records: Int, bytes: Int, success: Bool, oldestArrivalMs: Int64) {
        count("DeliveryToHttpEndpoint.Records", records, stream: stream)
        count("DeliveryToHttpEndpoint.Bytes", bytes, stream: stream)
        count("DeliveryToHttpEndpoint.Success", success ? 1 : 0, stream: stream)
        count("DeliveryToHttpEndpoint.Attempts", 1, stream: stream)
        gauge("DeliveryToHttpEndpoint.DataFreshness", freshnessSeconds(oldestArrivalMs), stream: stream)
        if success { deliveredNow(stream: stream) }
    }

    private func deliveredNow(stream: String) {
        gauge("LastDeliveryTimestamp", FirehoseClock.nowMs() / 1000, stream: stream)
    }

    func processed(stream: String, failed: Int) {
        count("ExecuteProcessing.Failed", failed, stream: stream)
    }

    func errorRecords(stream: String, count records: Int) {
        count("DeliveryToS3.ErrorRecords", records, stream: stream)
    }

    private func freshnessSeconds(_ oldestArrivalMs: Int64) -> Int64 {
        max(0, (FirehoseClock.nowMs() - oldestArrivalMs) / 1000)
    }

    private func count(_ name: String, _ value: Int, stream: String) {
        let key = "\(name)|\(stream)"
        let counter = counters.withLock { counters in
            if let existing = counters[key] { return existing }
            let made = Counter(label: name, dimensions: [("DeliveryStreamName", stream)])
            counters[key] = made
            return made
        }
        counter.increment(by: value)
    }

    private func gauge(_ name: String, _ value: Int64, stream: String) {
        let key = "\(name)|\(stream)"
        let gauge = gauges.withLock { gauges in
            if let existing = gauges[key] { return existing }
            let made = Gauge(label: name, dimensions: [("DeliveryStreamName", stream)])
            gauges[key] = made
            return made
        }
        gauge.record(value)
    }
}
