/// The in-memory sparse offset and time indexes of one segment.
///
/// It exists so positioning a read or a timestamp lookup is a binary search followed by a scan of at most one
/// index interval. An entry pair is added for the first record of a segment and then for the first record
/// starting after at least `indexIntervalBytes` of frames since the previous entry. Both indexes always get
/// their entries together, so a time entry's offset has an exact offset entry.
///
/// Invariants: entries are strictly increasing in relative offset and position; timestamps are non-decreasing.
/// Not thread-safe on its own: it lives inside the log's state, guarded by the log's mutex.
struct SegmentIndex: Sendable, Equatable {
    var offsetEntries: [OffsetIndexEntry] = []
    var timeEntries: [TimeIndexEntry] = []
    /// Frame bytes appended since the last entry pair.
    var bytesSinceLastEntry = 0

    /// Accounts for one frame appended at `position`.
    mutating func recordFrame(
        relativeOffset: UInt32, position: Int, timestampMs: Int64, frameBytes: Int, indexIntervalBytes: Int
    ) {
        if offsetEntries.isEmpty || bytesSinceLastEntry >= indexIntervalBytes {
            precondition(offsetEntries.last.map { $0.relativeOffset < relativeOffset } ?? true, "index out of order")
            offsetEntries.append(OffsetIndexEntry(relativeOffset: relativeOffset, position: UInt32(position)))
            timeEntries.append(TimeIndexEntry(timestampMs: timestampMs, relativeOffset: relativeOffset))
            bytesSinceLastEntry = 0
        }
        bytesSinceLastEntry += frameBytes
    }

    /// File position of the nearest indexed record at or before `relativeOffset`; nil when there is none (then
    /// the scan starts right after the segment header).
    func position(atOrBefore relativeOffset: UInt32) -> Int? {
        // First entry whose offset is greater, then step back one.
        var low = 0
        var high = offsetEntries.count
        while low < high {
            let middle = (low + high) / 2
            if offsetEntries[middle].relativeOffset <= relativeOffset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : Int(offsetEntries[low - 1].position)
    }

    /// The last indexed record whose timestamp is below `timestampMs`; nil when the segment's first record is
    /// already at or after it.
    func lastEntry(before timestampMs: Int64) -> TimeIndexEntry? {
        var low = 0
        var high = timeEntries.count
        while low < high {
            let middle = (low + high) / 2
            if timeEntries[middle].timestampMs < timestampMs {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : timeEntries[low - 1]
    }
}
