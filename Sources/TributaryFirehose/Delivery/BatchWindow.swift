/// When a buffer's batch is due, as BufferingHints define it: once its bytes reach the size hint, or once the
/// interval has passed since its first record arrived, whichever comes first.
///
/// A value type with no I/O so the rule is tested on its own; the worker feeds it what the log holds.
struct BatchWindow: Sendable, Equatable {
    let sizeBytes: Int
    let intervalMs: Int64

    enum Decision: Sendable, Equatable {
        /// Deliver the records below this offset now.
        case deliver(endOffset: UInt64)
        /// Wait at most this long (or until more records come) and ask again.
        case wait(untilMs: Int64)
        /// Nothing is buffered.
        case idle
    }

    /// `records` are (offset, bytes, arrivalMs) of the buffered records from the first undelivered one on, in order.
    func decide(records: [(offset: UInt64, bytes: Int, arrivalMs: Int64)], nowMs: Int64) -> Decision {
        guard let first = records.first else { return .idle }
        var total = 0
        for record in records {
            // A batch stays within the size hint unless one record alone exceeds it.
            if total > 0, total + record.bytes > sizeBytes { return .deliver(endOffset: record.offset) }
            total += record.bytes
            if total >= sizeBytes { return .deliver(endOffset: record.offset + 1) }
        }
        let dueMs = first.arrivalMs + intervalMs
        if nowMs >= dueMs, let last = records.last { return .deliver(endOffset: last.offset + 1) }
        return .wait(untilMs: dueMs)
    }
}
