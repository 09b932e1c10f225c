/// The order in which a segment writes its frames: all tracks interleaved by time, each track's frames kept in the
/// order they were stored.
///
/// It exists because a demuxer reads a transport stream front to back and expects the tracks' frames to arrive
/// roughly together. Frames are ordered by their track's running maximum timecode (ties kept in stored order), not
/// by their own timecode, so a track's decode order is never changed even if presentation times go back within it.
/// That running maximum is also the frame's scheduling time, from which the PCR is derived.
struct TSFrameSchedule {
    /// One frame and the time it is written at.
    struct Entry {
        let frame: MatroskaFrame
        /// The track's largest timecode so far, in Matroska ticks.
        let schedulingTimecode: Int64
    }

    let entries: [Entry]

    /// Orders the frames of the tracks in `trackNumbers`; frames of other tracks are left out.
    init(frames: [MatroskaFrame], trackNumbers: Set<UInt64>) {
        var latest: [UInt64: Int64] = [:]
        var entries: [(entry: Entry, position: Int)] = []
        for (position, frame) in frames.enumerated() where trackNumbers.contains(frame.trackNumber) {
            let timecode = max(latest[frame.trackNumber] ?? frame.absoluteTimecode, frame.absoluteTimecode)
            latest[frame.trackNumber] = timecode
            entries.append((Entry(frame: frame, schedulingTimecode: timecode), position))
        }
        entries.sort { ($0.entry.schedulingTimecode, $0.position) < ($1.entry.schedulingTimecode, $1.position) }
        self.entries = entries.map(\.entry)
    }
}
