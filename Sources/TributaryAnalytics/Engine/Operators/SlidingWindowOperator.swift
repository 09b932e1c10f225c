import TributarySQL

/// `aggregate OVER (PARTITION BY … RANGE INTERVAL … PRECEDING | ROWS n PRECEDING)`: one output row per input row,
/// the row followed by each windowed aggregate over its partition's window ending at that row.
///
/// Each partition keeps the rows still inside its window and accumulators that add the new row and remove the ones
/// that slid out (oldest first), so a row costs O(1) amortized whatever the window's size. A partition whose
/// RANGE window has emptied is freed when ROWTIME moves on.
final class SlidingWindowOperator: RowSink {
    enum Frame {
        case range(milliseconds: Int64)
        case rows(Int)
        case unbounded
    }

    /// One distinct window of the query and the aggregates over it (with their slot in the output).
    struct Window {
        var partitionBy: [CompiledExpression]
        var frame: Frame
        var aggregates: [(slot: Int, specification: AggregateSpecification)]
    }

    private final class Partition {
        var rows: Deque<(rowTime: Int64, inputs: [SQLValue])> = Deque()
        var accumulators: [any AggregateAccumulator]

        init(_ accumulators: [any AggregateAccumulator]) {
            self.accumulators = accumulators
        }
    }

    let windows: [Window]
    let slotCount: Int
    let environment: OperatorEnvironment
    let downstream: RowSink
    private var partitions: [[[SQLValue]: Partition]]
    private var lastSweep = Int64.min

    init(windows: [Window], slotCount: Int, environment: OperatorEnvironment, downstream: RowSink) {
        self.windows = windows
        self.slotCount = slotCount
        self.environment = environment
        self.downstream = downstream
        self.partitions = Array(repeating: [:], count: windows.count)
    }

    func push(_ row: [SQLValue]) {
        let context = environment.context(for: row)
        let rowTime = row.rowTime
        var results = Array(repeating: SQLValue.null, count: slotCount)
        do {
            for (index, window) in windows.enumerated() {
                let key = try window.partitionBy.map { try $0.evaluate(row, context) }
                let partition: Partition
                if let existing = partitions[index][key] {
                    partition = existing
                } else {
                    partition = Partition(window.aggregates.map { $0.specification.function.makeAccumulator() })
                    partitions[index][key] = partition
                }
                let inputs = try window.aggregates.map { try $0.specification.input(row, context) }
                for (position, input) in inputs.enumerated() { try partition.accumulators[position].add(input) }
                partition.rows.append((rowTime, inputs))
                try evict(partition, frame: window.frame, now: rowTime)
                for (position, aggregate) in window.aggregates.enumerated() {
                    results[aggregate.slot] = partition.accumulators[position].result
                }
            }
            downstream.push(row + results)
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        sweep(now: rowTime)
        downstream.advance(to: rowTime)
    }

    private func evict(_ partition: Partition, frame: Frame, now: Int64) throws {
        switch frame {
        case .range(let milliseconds):
            while let oldest = partition.rows.first, oldest.rowTime < now - milliseconds {
                try remove(oldest.inputs, from: partition)
            }
        case .rows(let preceding):
            while partition.rows.count > preceding + 1, let oldest = partition.rows.first {
                try remove(oldest.inputs, from: partition)
            }
        case .unbounded:
            break
        }
    }

    private func remove(_ inputs: [SQLValue], from partition: Partition) throws {
        partition.rows.removeFirst()
        for (position, input) in inputs.enumerated() { try partition.accumulators[position].removeOldest(input) }
    }

    /// Frees RANGE partitions with no row left in their window, at most once per (shortest) window length of ROWTIME.
    private func sweep(now: Int64) {
        guard let interval = sweepInterval, lastSweep == .min || now - lastSweep >= interval else { return }
        lastSweep = now
        for (index, window) in windows.enumerated() {
            guard case .range(let milliseconds) = window.frame else { continue }
            partitions[index] = partitions[index].filter { _, partition in
                guard let newest = partition.rows.last else { return false }
                return newest.rowTime >= now - milliseconds
            }
        }
    }

    private var sweepInterval: Int64? {
        windows.compactMap { window -> Int64? in
            if case .range(let milliseconds) = window.frame { return milliseconds }
            return nil
        }.min()
    }
}
