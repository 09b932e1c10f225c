/// MIN(x) and MAX(x) over a sliding window with a monotonic deque: each value is pushed once and popped at most
/// once, so add and removeOldest are O(1) amortized. The deque holds, in arrival order, the values that can still
/// become the extremum (each one beats every later value it precedes); the front is the answer.
final class ExtremumAccumulator: AggregateAccumulator {
    /// 1 for MAX, -1 for MIN: a value is kept in front of a later one when `compare * direction >= 0`.
    private let direction: Int
    private var candidates = AccumulatorDeque<(value: SQLValue, sequence: Int64)>()
    private var added: Int64 = 0
    private var removed: Int64 = 0

    init(isMaximum: Bool) {
        direction = isMaximum ? 1 : -1
    }

    func add(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        while let last = candidates.last {
            guard let order = last.value.compare(value) else {
                throw SQLEvaluationError("Cannot compare '\(last.value.text ?? "")' with '\(value.text ?? "")'")
            }
            if order * direction >= 0 { break }
            candidates.removeLast()
        }
        added += 1
        candidates.append((value, added))
    }

    func removeOldest(_ value: SQLValue) {
        if value.isNull { return }
        removed += 1
        if let first = candidates.first, first.sequence == removed {
            candidates.removeFirst()
        }
    }

    var result: SQLValue { candidates.first?.value ?? .null }
}
