/// The in-memory index of one stream's retained fragments, a value with no I/O.
///
/// It exists so lookups (by number, after a number, the newest) are binary searches in memory and never touch the
/// disk. Invariants: entries are in increasing number order and their media ranges do not overlap; the entries
/// already written to the index log (`indexOffset != nil`) come first, in increasing index offset, and the
/// entries not yet written follow them. Retention removes entries from the front only.
struct StreamFragmentIndex: Equatable, Sendable {
    private(set) var entries: [FragmentIndexEntry] = []

    init() {}

    /// The index as the logs describe it. `records` are the index log's entries in log order; a record whose media
    /// range starts inside an earlier one's replaces it and everything after it (after a crash that kept a later
    /// index record but lost media, the media log was written again from that offset and later records are the
    /// truth). Entries whose media is no longer, or not, in the media log (`mediaOffsets`) are left out.
    init(indexRecords records: [FragmentIndexEntry], mediaOffsets: Range<UInt64>) {
        for record in records {
            while let last = entries.last, last.mediaEndOffset > record.fragment.number.offset {
                entries.removeLast()
            }
            entries.append(record)
        }
        entries.removeAll {
            $0.fragment.number.offset < mediaOffsets.lowerBound || $0.mediaEndOffset > mediaOffsets.upperBound
        }
    }

    /// The newest entry.
    var latest: FragmentIndexEntry? {
        entries.last
    }

    /// Where the media log's next fragment batch starts, nil when the index is empty.
    var mediaEndOffset: UInt64? {
        entries.last?.mediaEndOffset
    }

    /// The entries not yet written to the index log, oldest first.
    var unwritten: ArraySlice<FragmentIndexEntry> {
        entries[(entries.firstIndex { $0.indexOffset == nil } ?? entries.endIndex)...]
    }

    /// Adds the newest fragment. Its media must lie after every earlier fragment's.
    mutating func append(_ entry: FragmentIndexEntry) {
        precondition(entry.fragment.number.offset >= mediaEndOffset ?? 0, "fragments must be added in media order")
        precondition(entry.indexOffset == nil || unwritten.isEmpty, "entries must be written to the index in order")
        entries.append(entry)
    }

    /// Records that the entry for `number` was written at `indexOffset`; nothing when retention removed it meanwhile.
    mutating func recordIndexOffset(_ indexOffset: UInt64, for number: FragmentNumber) {
        guard let position = position(of: number) else { return }
        entries[position].indexOffset = indexOffset
    }

    func entry(_ number: FragmentNumber) -> FragmentIndexEntry? {
        position(of: number).map { entries[$0] }
    }

    /// The first entry numbered above `number`; the oldest when `number` is nil.
    func first(after number: FragmentNumber?) -> FragmentIndexEntry? {
        guard let number else { return entries.first }
        let position = firstPosition { $0.fragment.number > number }
        return position < entries.count ? entries[position] : nil
    }

    /// Removes the oldest entries whose server timestamp is before `cutoffMs` (stopping at the first that is not)
    /// and says where each log may be trimmed; nil when nothing is removed.
    mutating func removeEntries(serverTimestampBeforeMs cutoffMs: Int64) -> FragmentRetentionCut? {
        let removedCount = entries.prefix { $0.fragment.serverTimestampMs < cutoffMs }.count
        guard removedCount > 0 else { return nil }
        let removed = entries[..<removedCount]
        entries.removeFirst(removedCount)
        let indexFirstKeptOffset: UInt64? = if let kept = entries.first?.indexOffset {
            kept
        } else {
            removed.last { $0.indexOffset != nil }?.indexOffset.map { $0 + 1 }
        }
        return FragmentRetentionCut(
            removedCount: removedCount,
            mediaFirstKeptOffset: entries.first?.fragment.number.offset ?? removed[removed.endIndex - 1].mediaEndOffset,
            indexFirstKeptOffset: indexFirstKeptOffset)
    }

    private func position(of number: FragmentNumber) -> Int? {
        let position = firstPosition { $0.fragment.number >= number }
        return position < entries.count && entries[position].fragment.number == number ? position : nil
    }

    /// The first position whose entry satisfies `isAtOrPast` (a predicate false then true along the entries).
    private func firstPosition(where isAtOrPast: (FragmentIndexEntry) -> Bool) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(entries[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
