extension VideoService {
    /// The fragments a session's media playlist or manifest lists at `nowMs`, out of `index` (the stream's
    /// retained fragments in fragment-number order, each with its ordinal):
    ///
    /// - LIVE: the newest `maxFragmentResults` fragments; never complete.
    /// - LIVE_REPLAY: `maxFragmentResults` fragments from the range's start, sliding on by one fragment each time
    ///   a fragment's duration has passed since the session was created (the range plays out in real time, and
    ///   fragments still arriving join at the end); once it reaches the newest fragment it keeps the newest ones.
    ///   Never complete.
    /// - ON_DEMAND: the first `maxFragmentResults` fragments of the range; complete.
    public func sessionFragments(_ session: StreamingSession, index: [PlaybackFragment],
                                 nowMs: Int64) -> PlaybackWindow {
        let candidates = session.candidates(index)
        let maximum = session.maxFragmentResults
        let range: Range<Int> = switch session.playbackMode {
        case .live: max(candidates.count - maximum, 0)..<candidates.count
        case .onDemand: 0..<min(maximum, candidates.count)
        case .liveReplay: Self.replayRange(candidates, maximum: maximum, elapsedMs: nowMs - session.createdMs)
        }
        let listed = Array(candidates[range])
        return PlaybackWindow(fragments: listed, isComplete: session.playbackMode == .onDemand,
                              discontinuitySequence: Self.discontinuitySequence(session, candidates, first: range))
    }

    /// LIVE_REPLAY's window: past the fragments whose whole duration has elapsed since the session started, but
    /// never so far that it lists fewer than `maximum` fragments while more exist.
    private static func replayRange(_ candidates: [PlaybackFragment], maximum: Int, elapsedMs: Int64) -> Range<Int> {
        var played = 0
        var playedMs: Int64 = 0
        while played < candidates.count, playedMs + max(candidates[played].fragment.durationMs, 0) <= elapsedMs {
            playedMs += max(candidates[played].fragment.durationMs, 0)
            played += 1
        }
        let start = min(played, max(candidates.count - maximum, 0))
        return start..<min(start + maximum, candidates.count)
    }

    /// EXT-X-DISCONTINUITY-SEQUENCE for a window starting at `window.lowerBound` of `candidates`.
    ///
    /// ALWAYS marks every fragment, so the count is the first fragment's ordinal: it stays right while old
    /// fragments leave the index. ON_DISCONTINUITY counts the breaks between the candidates up to the first listed
    /// fragment; a break that retention removes from the index lowers later counts by one, which only sessions
    /// playing near the retention edge see. NEVER has none.
    private static func discontinuitySequence(_ session: StreamingSession, _ candidates: [PlaybackFragment],
                                              first window: Range<Int>) -> UInt64 {
        guard window.lowerBound < candidates.count else { return 0 }
        switch session.discontinuityMode {
        case .never:
            return 0
        case .always:
            return candidates[window.lowerBound].ordinal
        case .onDiscontinuity:
            var count: UInt64 = 0
            for position in stride(from: 1, through: window.lowerBound, by: 1)
            where StreamingSession.isDiscontinuity(from: candidates[position - 1].fragment,
                                                   to: candidates[position].fragment) {
                count += 1
            }
            return count
        }
    }
}
