/// A complete Cluster, i.e. one Kinesis Video fragment, as reported when it ends.
///
/// It exists because storage keeps each fragment as Matroska bytes: `bytes` is the whole Cluster element exactly as
/// it appeared in the upload (header included, possibly with the unknown-size marker), and `knownSizeBytes()` gives
/// the same element with an explicit size, ready to be embedded in a GetMedia document.
public struct MatroskaCluster: Equatable, Sendable {
    /// The Cluster Timecode, in ticks of `timecodeScale`.
    public var timecode: UInt64
    /// Nanoseconds per tick (from the Segment's Info; 1,000,000 by default).
    public var timecodeScale: UInt64
    /// Frames seen (laced blocks count one per lace).
    public var frameCount: Int
    /// Frames per track number.
    public var framesPerTrack: [UInt64: Int]
    /// Whether the first frame of the first video track in the cluster (or the first frame at all) is a keyframe.
    public var startsWithKeyframe: Bool
    /// Offset of the Cluster id in the whole upload stream.
    public var streamOffset: Int64
    /// Length of the Cluster's id and size fields at the start of `bytes`.
    public var headerLength: Int
    /// Estimated duration in ticks: from the cluster timecode to the end of its last frame (last frame timecode plus
    /// its BlockDuration, the track's DefaultDuration, or the track's average frame spacing in the cluster).
    public var durationEstimate: UInt64
    /// The raw Cluster element.
    public var bytes: [UInt8]

    public init(timecode: UInt64, timecodeScale: UInt64, frameCount: Int, framesPerTrack: [UInt64: Int],
                startsWithKeyframe: Bool, streamOffset: Int64, headerLength: Int, durationEstimate: UInt64,
                bytes: [UInt8]) {
        self.timecode = timecode
        self.timecodeScale = timecodeScale
        self.frameCount = frameCount
        self.framesPerTrack = framesPerTrack
        self.startsWithKeyframe = startsWithKeyframe
        self.streamOffset = streamOffset
        self.headerLength = headerLength
        self.durationEstimate = durationEstimate
        self.bytes = bytes
    }

    /// Size of the raw Cluster element in the stream.
    public var byteCount: Int { bytes.count }
    /// Byte range of the raw Cluster element in the upload stream.
    public var streamRange: Range<Int64> { streamOffset..<(streamOffset &+ Int64(bytes.count)) }
    /// The Cluster's payload (its children), without id and size.
    public var payload: ArraySlice<UInt8> { bytes[min(headerLength, bytes.count)...] }
    /// Timecode in milliseconds (saturating).
    public var timecodeMilliseconds: Int64 { Self.milliseconds(ticks: timecode, scale: timecodeScale) }
    /// Duration estimate in milliseconds (saturating).
    public var durationMilliseconds: Int64 { Self.milliseconds(ticks: durationEstimate, scale: timecodeScale) }

    /// The Cluster element re-encoded with an explicit 8-byte size (same payload).
    public func knownSizeBytes() -> [UInt8] {
        var out = EBMLVarint.encodeID(.cluster)
        out += EBMLVarint.encodeSize(UInt64(payload.count), length: 8) ?? EBMLVarint.unknownSize()
        out += payload
        return out
    }

    static func milliseconds(ticks: UInt64, scale: UInt64) -> Int64 {
        let product = ticks.multipliedFullWidth(by: scale)
        let (quotient, _) = (1_000_000 as UInt64).dividingFullWidth(
            product.high >= 1_000_000 ? (999_999, UInt64.max) : product)
        return quotient > UInt64(Int64.max) ? Int64.max : Int64(quotient)
    }
}
