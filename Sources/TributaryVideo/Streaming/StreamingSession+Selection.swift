/// Which fragments a session plays, and where its timeline breaks.
extension StreamingSession {
    /// Whether `fragment` starts within the session's range: at or after StartTimestamp (a fragment that starts
    /// before it is left out even if it runs past it) and at or before EndTimestamp (inclusive, compared with the
    /// fragment's start). LIVE sessions have no range and select every fragment.
    public func selects(_ fragment: StoredFragment) -> Bool {
        let time = timestampMs(of: fragment)
        if let startMs, time < startMs { return false }
        if let endMs, time > endMs { return false }
        return true
    }

    /// Whether the media timeline breaks between `previous` and `next`, as ON_DISCONTINUITY sees it: `next` does not
    /// start within 50 ms of `previous`'s end. Producer timestamps decide, since they are the media's own times
    /// (the MP4 fragments' decode times).
    public static func isDiscontinuity(from previous: StoredFragment, to next: StoredFragment) -> Bool {
        let end = previous.producerTimestampMs + previous.durationMs
        return abs(next.producerTimestampMs - end) > StreamingLimits.discontinuityToleranceMs
    }

    /// Whether a player is told to reset its timeline before `next`, by the session's DiscontinuityMode.
    func marksDiscontinuity(from previous: StoredFragment, to next: StoredFragment) -> Bool {
        switch discontinuityMode {
        case .always: true
        case .never: false
        case .onDiscontinuity: Self.isDiscontinuity(from: previous, to: next)
        }
    }

    /// The fragments the session can list, in playing order, from `index` (the stream's retained fragments in
    /// fragment-number order). With producer timestamps, fragments sharing a start time are reduced to the newest
    /// (the largest fragment number), as on AWS; LIVE keeps ingestion order, the others play in timestamp order.
    func candidates(_ index: [PlaybackFragment]) -> [PlaybackFragment] {
        var list = index
        if timestampSource == .producerTimestamp {
            var newest: [Int64: FragmentNumber] = [:]
            for entry in list {
                newest[entry.fragment.producerTimestampMs] = max(newest[entry.fragment.producerTimestampMs]
                                                                 ?? entry.fragment.number, entry.fragment.number)
            }
            list.removeAll { newest[$0.fragment.producerTimestampMs] != $0.fragment.number }
        }
        guard playbackMode != .live else { return list }
        list.removeAll { !selects($0.fragment) }
        if timestampSource == .producerTimestamp {
            list.sort { ($0.fragment.producerTimestampMs, $0.ordinal) < ($1.fragment.producerTimestampMs, $1.ordinal) }
        }
        return list
    }
}
