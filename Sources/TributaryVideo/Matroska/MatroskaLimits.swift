/// The bounds a `MatroskaStreamReader` enforces, so a hostile or broken upload ends in an error, never in unbounded
/// memory use. Defaults follow the Kinesis Video Streams quotas.
public struct MatroskaLimits: Sendable, Equatable {
    /// Largest Cluster (fragment) accepted, counting its header; AWS allows 50 MB.
    public var maximumClusterSize: Int
    /// Largest metadata element buffered whole (EBML header, Info, Tracks, Tags).
    public var maximumMetadataSize: Int
    /// Most tracks one Tracks element may declare; AWS allows 3.
    public var maximumTracks: Int

    public init(maximumClusterSize: Int = 50 * 1024 * 1024, maximumMetadataSize: Int = 4 * 1024 * 1024,
                maximumTracks: Int = 3) {
        self.maximumClusterSize = maximumClusterSize
        self.maximumMetadataSize = maximumMetadataSize
        self.maximumTracks = maximumTracks
    }
}
