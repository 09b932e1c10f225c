/// What one HLS media playlist or DASH manifest of a session lists right now: the fragments, whether the list is
/// final, and how many discontinuities came before it.
///
/// `discontinuitySequence` is EXT-X-DISCONTINUITY-SEQUENCE: the discontinuities of the session's fragments up to
/// and including the first listed one (`HLSPlaylist` marks those between listed fragments). It comes with the
/// selection because counting needs the fragments before the window, which only the selection sees.
public struct PlaybackWindow: Sendable, Equatable {
    public var fragments: [PlaybackFragment]
    /// True for ON_DEMAND: nothing will be added (EXT-X-ENDLIST, a static MPD).
    public var isComplete: Bool
    public var discontinuitySequence: UInt64

    public init(fragments: [PlaybackFragment], isComplete: Bool, discontinuitySequence: UInt64) {
        self.fragments = fragments
        self.isComplete = isComplete
        self.discontinuitySequence = discontinuitySequence
    }
}
