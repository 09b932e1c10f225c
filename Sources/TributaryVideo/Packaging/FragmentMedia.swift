/// A stored fragment's media as the packagers need it: its tracks, its timecode scale and its frames in stored
/// order.
///
/// It exists because storage keeps Matroska bytes (the upload's Info and Tracks, and the Cluster) while the fMP4,
/// MPEG-TS and clip writers take tracks and frames; this is the one place that reads them back.
public struct FragmentMedia: Sendable {
    public var fragment: StoredFragment
    public var tracks: [MatroskaTrack]
    /// Nanoseconds per timecode tick of `frames`' timecodes.
    public var timecodeScale: UInt64
    public var frames: [MatroskaFrame]

    /// Reads the stored parts; a fragment that does not parse throws the reader's error.
    public init(_ content: FragmentContent) throws(MatroskaError) {
        var reader = MatroskaStreamReader()
        var events = try reader.feed(EBMLWriter.ebmlHeader() + EBMLWriter.unknownSizeHeader(.segment))
        events += try reader.feed(content.head)
        events += try reader.feed(content.cluster)
        events += try reader.finish()
        var tracks: [MatroskaTrack] = []
        var frames: [MatroskaFrame] = []
        var timecodeScale: UInt64 = MatroskaSegmentInfo().timecodeScale
        for event in events {
            switch event {
            case .info(let info): timecodeScale = info.timecodeScale
            case .tracks(let declared): tracks = declared
            case .frame(let frame): frames.append(frame)
            default: break
            }
        }
        self.fragment = content.fragment
        self.tracks = tracks
        self.timecodeScale = timecodeScale
        self.frames = frames
    }

    /// Each track's first frame timecode, keyed by track number: what the previous fragment's last frames last
    /// until (the packagers' `followingTimecodes`).
    public var firstTimecodes: [UInt64: Int64] {
        var first: [UInt64: Int64] = [:]
        for frame in frames where first[frame.trackNumber] == nil {
            first[frame.trackNumber] = frame.absoluteTimecode
        }
        return first
    }
}
