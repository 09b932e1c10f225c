/// One complete fragment as PutMedia hands it to storage, before it has a number.
///
/// It exists so that ingest (which knows Matroska and acknowledgements) and storage (which knows logs and indexes)
/// meet on plain bytes: storage keeps the three parts and returns them unchanged in `FragmentContent`, and GetMedia
/// rebuilds a complete Matroska document per fragment from them.
public struct FragmentInput: Equatable, Sendable {
    public var producerTimestampMs: Int64
    public var serverTimestampMs: Int64
    public var durationMs: Int64
    /// The upload's Info and Tracks elements (each with id and size), in that order.
    public var head: [UInt8]
    /// The Cluster element with a known size and its Timecode rewritten to the absolute producer time.
    public var cluster: [UInt8]
    /// The producer's Tags elements received after the previous cluster and before this one (often empty).
    public var tags: [UInt8]

    public init(producerTimestampMs: Int64, serverTimestampMs: Int64, durationMs: Int64, head: [UInt8],
                cluster: [UInt8], tags: [UInt8] = []) {
        self.producerTimestampMs = producerTimestampMs
        self.serverTimestampMs = serverTimestampMs
        self.durationMs = durationMs
        self.head = head
        self.cluster = cluster
        self.tags = tags
    }
}

/// A stored fragment read back: its index entry and the parts PutMedia stored.
public struct FragmentContent: Equatable, Sendable {
    public var fragment: StoredFragment
    public var head: [UInt8]
    public var cluster: [UInt8]
    public var tags: [UInt8]

    public init(fragment: StoredFragment, head: [UInt8], cluster: [UInt8], tags: [UInt8]) {
        self.fragment = fragment
        self.head = head
        self.cluster = cluster
        self.tags = tags
    }
}
