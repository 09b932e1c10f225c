/// A Segment's Info element: the timecode scale turns cluster and block timecodes into time, which PutMedia
/// needs for fragment timestamps and durations.
public struct MatroskaSegmentInfo: Equatable, Sendable {
    /// Nanoseconds per timecode tick (Matroska's default is 1,000,000, i.e. timecodes in milliseconds).
    public var timecodeScale: UInt64
    /// The Segment duration in ticks, when the muxer wrote one (live producers usually do not).
    public var duration: Double?
    public var muxingApp: String?
    public var writingApp: String?
    public var title: String?

    public init(timecodeScale: UInt64 = 1_000_000, duration: Double? = nil, muxingApp: String? = nil,
                writingApp: String? = nil, title: String? = nil) {
        self.timecodeScale = timecodeScale
        self.duration = duration
        self.muxingApp = muxingApp
        self.writingApp = writingApp
        self.title = title
    }
}
