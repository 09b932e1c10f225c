/// FIRST_VALUE(x) and LAST_VALUE(x): the oldest or newest value held. NULLs are respected (a NULL in first or last
/// place is the result), as the reference's default null treatment says, unless IGNORE NULLS was asked for.
final class FirstValueAccumulator: AggregateAccumulator {
    private let ignoresNulls: Bool
    private var values = AccumulatorDeque<SQLValue>()

    init(ignoresNulls: Bool) {
        self.ignoresNulls = ignoresNulls
    }

    func add(_ value: SQLValue) {
        if ignoresNulls && value.isNull { return }
        values.append(value)
    }

    func removeOldest(_ value: SQLValue) {
        if ignoresNulls && value.isNull { return }
        if !values.isEmpty { values.removeFirst() }
    }

    var result: SQLValue { values.first ?? .null }
}

/// See `FirstValueAccumulator`: the newest value stays the newest until the window empties, so a count suffices.
final class LastValueAccumulator: AggregateAccumulator {
    private let ignoresNulls: Bool
    private var last = SQLValue.null
    private var count: Int64 = 0

    init(ignoresNulls: Bool) {
        self.ignoresNulls = ignoresNulls
    }

    func add(_ value: SQLValue) {
        if ignoresNulls && value.isNull { return }
        last = value
        count += 1
    }

    func removeOldest(_ value: SQLValue) {
        if ignoresNulls && value.isNull { return }
        if count > 0 { count -= 1 }
        if count == 0 { last = .null }
    }

    var result: SQLValue { count > 0 ? last : .null }
}
