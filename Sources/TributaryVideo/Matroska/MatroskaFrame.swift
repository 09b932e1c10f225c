/// One frame taken from a SimpleBlock or a BlockGroup's Block (one per lace when the block is laced).
///
/// It exists so that PutMedia can count and check frames per track (unknown tracks, tracks without frames) and the
/// packagers (MP4, HLS) can get at the codec bytes without re-parsing blocks.
public struct MatroskaFrame: Equatable, Sendable {
    public var trackNumber: UInt64
    /// Timecode relative to the cluster (signed 16-bit, in ticks).
    public var relativeTimecode: Int16
    /// Cluster timecode plus the relative timecode, in ticks of the Segment's TimecodeScale.
    public var absoluteTimecode: Int64
    public var isKeyframe: Bool
    /// BlockDuration from a BlockGroup, in ticks, when present.
    public var duration: UInt64?
    /// The codec bytes (for H.264: AVCC length-prefixed NAL units).
    public var bytes: [UInt8]

    public init(trackNumber: UInt64, relativeTimecode: Int16, absoluteTimecode: Int64, isKeyframe: Bool,
                duration: UInt64? = nil, bytes: [UInt8]) {
        self.trackNumber = trackNumber
        self.relativeTimecode = relativeTimecode
        self.absoluteTimecode = absoluteTimecode
        self.isKeyframe = isKeyframe
        self.duration = duration
        self.bytes = bytes
    }
}
