import TributarySQL

/// GROUP BY over a stream: rows are grouped by the GROUP BY values, one of which steps with ROWTIME
/// (`STEP(ROWTIME BY INTERVAL …)` or `FLOOR(ROWTIME TO unit)`) and so defines a tumbling window. A window's groups
/// are emitted when ROWTIME passes the window's end, with the end as their ROWTIME, then forgotten: state holds only
/// open windows.
///
/// The aggregated row is `[end, group values…, aggregate values…]`; HAVING, the select list and ORDER BY are
/// compiled over it.
final class TumblingWindowOperator: RowSink {
    /// One open window: its groups in arrival order, each with its accumulators (reference types, updated in place).
    private final class OpenWindow {
        var order: [[SQLValue]] = []
        var groups: [[SQLValue]: [any AggregateAccumulator]] = [:]
    }

    let groupKeys: [CompiledExpression]
    /// Which group key is the window, and the window's end from its start.
    let windowKey: Int
    let windowEnd: (SQLValue) -> Int64?
    let aggregates: [AggregateSpecification]
    let having: CompiledExpression?
    let projections: [CompiledExpression]
    let ordering: [(CompiledExpression, descending: Bool)]
    let environment: OperatorEnvironment
    let downstream: RowSink

    /// Open windows by end.
    private var windows: [Int64: OpenWindow] = [:]
    private var watermark = Int64.min

    init(groupKeys: [CompiledExpression], windowKey: Int, windowEnd: @escaping (SQLValue) -> Int64?,
         aggregates: [AggregateSpecification], having: CompiledExpression?, projections: [CompiledExpression],
         ordering: [(CompiledExpression, descending: Bool)], environment: OperatorEnvironment, downstream: RowSink) {
        self.groupKeys = groupKeys
        self.windowKey = windowKey
        self.windowEnd = windowEnd
        self.aggregates = aggregates
        self.having = having
        self.projections = projections
        self.ordering = ordering
        self.environment = environment
        self.downstream = downstream
    }

    func push(_ row: [SQLValue]) {
        close(upTo: row.rowTime)
        let context = environment.context(for: row)
        do {
            var keys: [SQLValue] = []
            keys.reserveCapacity(groupKeys.count)
            for key in groupKeys { keys.append(try key.evaluate(row, context)) }
            guard let end = windowEnd(keys[windowKey]) else { return }
            guard end > watermark else {
                throw SQLEvaluationError("Row arrived after its window closed")
            }
            let window: OpenWindow
            if let open = windows[end] {
                window = open
            } else {
                window = OpenWindow()
                windows[end] = window
            }
            let accumulators: [any AggregateAccumulator]
            if let existing = window.groups[keys] {
                accumulators = existing
            } else {
                accumulators = aggregates.map { $0.function.makeAccumulator() }
                window.groups[keys] = accumulators
                window.order.append(keys)
            }
            for (index, aggregate) in aggregates.enumerated() {
                try accumulators[index].add(try aggregate.input(row, context))
            }
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        close(upTo: rowTime)
        downstream.advance(to: rowTime)
    }

    /// Emits and forgets every window that ends at or before `rowTime`, oldest first.
    private func close(upTo rowTime: Int64) {
        guard rowTime > watermark else { return }
        watermark = rowTime
        for end in windows.keys.sorted() where end <= rowTime {
            guard let window = windows.removeValue(forKey: end) else { continue }
            emit(window.order.compactMap { keys in window.groups[keys].map { (keys, $0) } }, end: end)
        }
    }

    private func emit(_ groups: [(keys: [SQLValue], accumulators: [any AggregateAccumulator])], end: Int64) {
        var output: [(row: [SQLValue], sortKeys: [SQLValue])] = []
        for group in groups {
            var aggregated: [SQLValue] = [.timestamp(milliseconds: end)] + group.keys
            aggregated.append(contentsOf: group.accumulators.map(\.result))
            let context = environment.context(for: aggregated)
            do {
                if let having, try having.evaluate(aggregated, context) != .boolean(true) { continue }
                var row: [SQLValue] = [aggregated[0]]
                for projection in projections { row.append(try projection.evaluate(aggregated, context)) }
                let sortKeys = try ordering.map { try $0.0.evaluate(aggregated, context) }
                output.append((row, sortKeys))
            } catch {
                environment.reportError(error, row: aggregated)
            }
        }
        if !ordering.isEmpty {
            let directions = ordering.map(\.descending)
            output.sort { SortOrder.precedes($0.sortKeys, $1.sortKeys, descending: directions) }
        }
        for entry in output { downstream.push(entry.row) }
    }
}

/// ORDER BY's comparison: NULLs first ascending (last descending), as the reference orders them.
enum SortOrder {
    static func precedes(_ left: [SQLValue], _ right: [SQLValue], descending: [Bool]) -> Bool {
        for (index, (l, r)) in zip(left, right).enumerated() {
            let order: Int
            switch (l.isNull, r.isNull) {
            case (true, true): continue
            case (true, false): order = -1
            case (false, true): order = 1
            case (false, false): order = l.compare(r) ?? 0
            }
            if order != 0 { return descending[index] ? order > 0 : order < 0 }
        }
        return false
    }
}
