/// The DISTINCT form of an order-insensitive aggregate (COUNT, SUM, AVG, the variances): it passes a value on only
/// the first time it is held, and removes it from the inner aggregate when its last copy leaves the window, so
/// DISTINCT works in sliding windows too.
final class DistinctAccumulator: AggregateAccumulator {
    private let inner: any AggregateAccumulator
    private var copies: [SQLValue: Int] = [:]

    init(inner: any AggregateAccumulator) {
        self.inner = inner
    }

    func add(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        let held = copies[value, default: 0]
        if held == 0 { try inner.add(value) }
        copies[value] = held + 1
    }

    func removeOldest(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        guard let held = copies[value] else { return }
        if held == 1 {
            try inner.removeOldest(value)
            copies[value] = nil
        } else {
            copies[value] = held - 1
        }
    }

    var result: SQLValue { inner.result }
}
