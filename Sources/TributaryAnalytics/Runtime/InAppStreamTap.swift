import Synchronization
import TributarySQL

/// Records the rows of one in-application stream while someone watches it, for GetInApplicationStreamRecords (the
/// web console's live view of an SQL application).
///
/// It exists so reading a stream costs the engine nothing when nobody reads: subscribed to the stream like an
/// output, an unwatched tap drops each row after one relaxed atomic load. `watch(after:)` arms it for
/// `AnalyticsLimits.tapWatchMs`; each call arms it again. Once that time has passed without a call, the next row
/// disarms it and forgets what it held, so an abandoned page costs nothing either. While armed it keeps the newest
/// `AnalyticsLimits.tappedRowsMax` rows, numbered (see `TappedRows`).
///
/// Isolation: `push` runs on the application's task, `watch` on the caller's; the rows, columns and deadline are
/// behind one lock, and the armed flag is an atomic read outside it. Rows keep ROWTIME at index 0.
public final class InAppStreamTap: RowSink, Sendable {
    /// What a watcher is told: the stream's columns (ROWTIME first), the rows after its position, and the
    /// sequence of the newest row recorded (the position to ask from next time).
    struct Snapshot {
        var columns: [ColumnDescription]
        var entries: [TappedRows.Entry]
        var newestSequence: Int64
    }

    private struct State {
        /// The stream's columns after ROWTIME.
        var columns: [ColumnDescription]
        var rows: TappedRows
        var watchedUntilMs = Int64.min
    }

    private let isWatched = Atomic<Bool>(false)
    private let state: Mutex<State>
    private let nowMs: @Sendable () -> Int64

    init(columns: [ColumnDescription], capacity: Int = AnalyticsLimits.tappedRowsMax,
         nowMs: @escaping @Sendable () -> Int64 = AnalyticsClock.nowMs) {
        state = Mutex(State(columns: columns, rows: TappedRows(capacity: capacity)))
        self.nowMs = nowMs
    }

    /// Arms the tap for another `AnalyticsLimits.tapWatchMs` and answers the rows held after `sequence` (all of
    /// them for nil).
    func watch(after sequence: Int64?) -> Snapshot {
        let now = nowMs()
        return state.withLock { state in
            state.watchedUntilMs = now + AnalyticsLimits.tapWatchMs
            isWatched.store(true, ordering: .relaxed)
            return Snapshot(columns: [ColumnDescription(name: "ROWTIME", type: .timestamp)] + state.columns,
                            entries: state.rows.entries(after: sequence), newestSequence: state.rows.newestSequence)
        }
    }

    /// Takes the stream's columns as the code compiled them now. Rows of other columns are forgotten; the
    /// numbering and the watch go on.
    func use(columns: [ColumnDescription]) {
        state.withLock { state in
            guard state.columns != columns else { return }
            state.columns = columns
            state.rows.removeAll()
        }
    }

    func push(_ row: [SQLValue]) {
        guard isWatched.load(ordering: .relaxed) else { return }
        let now = nowMs()
        state.withLock { state in
            if now > state.watchedUntilMs {
                isWatched.store(false, ordering: .relaxed)
                state.rows.removeAll()
            } else {
                state.rows.append(row)
            }
        }
    }

    func advance(to rowTime: Int64) {}
}
