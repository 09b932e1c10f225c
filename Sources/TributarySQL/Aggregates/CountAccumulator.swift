/// COUNT(x) and COUNT(*): the number of non-NULL values held; 0 when there are none.
final class CountAccumulator: AggregateAccumulator {
    private var count: Int64 = 0

    func add(_ value: SQLValue) {
        if !value.isNull { count += 1 }
    }

    func removeOldest(_ value: SQLValue) {
        if !value.isNull { count -= 1 }
    }

    var result: SQLValue { .integer(count) }
}
