/// The running state of one aggregate over one group or window.
///
/// A tumbling window (GROUP BY) only adds values and reads `result` when the group closes. A sliding window (OVER)
/// also calls `removeOldest` with the values that leave the window, in exactly the order they were added (FIFO),
/// so every accumulator removes in O(1) amortized time. Values are passed as they were added, NULLs included: the
/// accumulators ignore NULL arguments both ways, except FIRST_VALUE and LAST_VALUE, which respect them unless told
/// to ignore them. COUNT(*) is given any non-NULL value (such as `.boolean(true)`) per row.
package protocol AggregateAccumulator: AnyObject {
    func add(_ value: SQLValue) throws(SQLEvaluationError)
    func removeOldest(_ value: SQLValue) throws(SQLEvaluationError)
    /// The aggregate of the values currently held (NULL for an empty set, except COUNT's 0).
    var result: SQLValue { get }
}

/// A resolved aggregate call: its result type for the binder, and a factory of fresh accumulators for each group,
/// partition or window the runtime opens.
package struct AggregateFunction: Sendable {
    package var resultType: SQLType
    package var makeAccumulator: @Sendable () -> any AggregateAccumulator

    package init(resultType: SQLType, makeAccumulator: @escaping @Sendable () -> any AggregateAccumulator) {
        self.resultType = resultType
        self.makeAccumulator = makeAccumulator
    }
}
