/// What `MatroskaStreamReader.feed` reports, in stream order.
///
/// It exists so PutMedia can drive its acknowledgements (BUFFERING on `.clusterStarted`, RECEIVED/PERSISTED after
/// `.clusterEnded`) and checks (tracks, frames) from one sequence, without knowing EBML.
public enum MatroskaEvent: Equatable, Sendable {
    /// An EBML header; a new one after `.segmentEnded` starts the next concatenated document.
    case header(MatroskaHeader)
    /// A Segment's Info (timecode scale).
    case info(MatroskaSegmentInfo)
    /// A Tracks element.
    case tracks([MatroskaTrack])
    /// A Cluster's Timecode was read (the first bytes of a fragment have arrived).
    case clusterStarted(timecode: UInt64)
    /// A frame of the current cluster.
    case frame(MatroskaFrame)
    /// The current cluster is complete; carries its raw bytes.
    case clusterEnded(MatroskaCluster)
    /// A Tags element.
    case tags([MatroskaTag])
    /// The Segment ended (its known size was reached, a new EBML header began, or the stream finished).
    case segmentEnded
}
