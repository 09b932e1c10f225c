import TributarySQL

/// An application output while it runs: subscribed to its in-application stream, it turns every row into a record
/// (JSON or CSV) and holds it until the runtime delivers the batch.
final class OutputWriter: RowSink {
    let destination: OutputDestinationTarget
    let formatter: RecordFormatter
    private(set) var pending: [[UInt8]] = []

    init(destination: OutputDestinationTarget, formatter: RecordFormatter) {
        self.destination = destination
        self.formatter = formatter
    }

    func push(_ row: [SQLValue]) {
        pending.append(formatter.record(Array(row.dropFirst())))
    }

    func advance(to rowTime: Int64) {}

    /// The records waiting for delivery, handed over and forgotten.
    func take() -> [[UInt8]] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }
}

/// Where an output's records go, resolved from the output's ARN when the application starts.
enum OutputDestinationTarget: Equatable, Sendable {
    case kinesisStream(name: String)
    case deliveryStream(name: String)
}
