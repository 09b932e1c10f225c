/// What one retention pass removed from a `StreamFragmentIndex`, and where each of the stream's logs may now be
/// trimmed before (so whole old segments can be deleted).
struct FragmentRetentionCut: Equatable, Sendable {
    var removedCount: Int
    /// The media log's first offset still needed.
    var mediaFirstKeptOffset: UInt64
    /// The index log's first offset still needed; nil when no removed entry had been written to it.
    var indexFirstKeptOffset: UInt64?
}
