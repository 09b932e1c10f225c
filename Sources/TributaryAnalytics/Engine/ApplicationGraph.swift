import Foundation
import TributarySQL

/// A compiled application instantiated into live operators: its in-application streams, reference tables and
/// pumps wired together. The runtime pushes input rows into the input streams and moves ROWTIME forward; outputs
/// subscribe to the streams they write out. Everything runs on the application's one task.
final class ApplicationGraph: PlanInstantiation {
    private var streams: [String: InAppStream] = [:]
    private let tables: [String: [[SQLValue]]]
    private let nowMs: () -> Int64
    private var errorStream: InAppStream!

    /// Builds the graph; `tables` holds each reference table's rows (no ROWTIME).
    init(application: CompiledApplication, tables: [String: [[SQLValue]]],
         nowMs: @escaping () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.tables = tables
        self.nowMs = nowMs
        for (name, columns) in application.streams {
            streams[name] = InAppStream(name: name, columns: columns)
        }
        errorStream = streams[CompiledApplication.errorStreamName]
        for pump in application.pumps {
            let target = stream(pump.target)
            let assign = AssignOperator(sources: pump.sources, types: pump.types,
                                        environment: environment(pump: pump.name), downstream: target)
            pump.plan.instantiate(self, pump.name, assign)
        }
    }

    func stream(_ name: String) -> InAppStream {
        guard let stream = streams[name] else { preconditionFailure("compiled code names unknown stream \(name)") }
        return stream
    }

    func table(_ name: String) -> [[SQLValue]] {
        tables[name] ?? []
    }

    func environment(pump: String) -> OperatorEnvironment {
        OperatorEnvironment(reportError: ErrorReporter(pumpName: pump) { [unowned self] message, rowTime, data, pump in
            self.reportError(name: "Error_Computing", message: message, rowTime: rowTime, data: data, pump: pump)
        }, nowMs: nowMs)
    }

    /// A row in `error_stream` (`ERROR_NAME` says what failed: mapping an input record, or computing a pump row).
    func reportError(name: String, message: String, rowTime: Int64?, data: String?, pump: String?) {
        let now = nowMs()
        errorStream.push([
            .timestamp(milliseconds: max(now, rowTime ?? now)), .timestamp(milliseconds: now), .string("ERROR"),
            .string(name), .string(String(message.prefix(4096))), rowTime.map { .timestamp(milliseconds: $0) } ?? .null,
            data.map { .string(String($0.prefix(49152))) } ?? .null, pump.map { .string($0) } ?? .null,
        ])
    }

    /// Adds a sink (an output) to an in-application stream; nil when the code has no such stream.
    func subscribe(_ sink: RowSink, to name: String) -> Bool {
        guard let stream = streams[name] else { return false }
        stream.subscribe(sink)
        return true
    }

    /// Pushes one input row (`[ROWTIME, columns…]`) into an input stream.
    func push(_ row: [SQLValue], into name: String) {
        streams[name]?.push(row)
    }

    /// Promises no input row earlier than `rowTime` will come: closes windows up to it everywhere.
    func advance(inputs: [String], to rowTime: Int64) {
        for name in inputs { streams[name]?.advance(to: rowTime) }
        errorStream.advance(to: rowTime)
    }
}
