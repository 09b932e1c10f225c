/// One fragment as the in-memory index keeps it: what clients see, plus where its media lies.
///
/// It exists so a read finds a fragment's records (`recordCount` of them from `fragment.number.offset` in the media
/// log) without scanning, and so retention knows which index-log offset to trim before.
struct FragmentIndexEntry: Equatable, Sendable {
    var fragment: StoredFragment
    /// Records of the fragment's media batch (at least one head, one cluster and one tags record).
    var recordCount: Int
    /// Offset of this entry's record in the index log; nil while the entry is known only from the media log
    /// (repaired after a crash between the two appends, or left by a failed index append) and not yet written.
    var indexOffset: UInt64?

    /// One past the fragment's last media record: where the next fragment's batch starts.
    var mediaEndOffset: UInt64 {
        fragment.number.offset + UInt64(recordCount)
    }
}
