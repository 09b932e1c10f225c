/// What the index knows about one stored fragment: enough to answer ListFragments and to pick where GetMedia starts,
/// without reading the fragment's media.
public struct StoredFragment: Equatable, Sendable {
    public var number: FragmentNumber
    /// The producer's timestamp of the fragment's first frame (cluster time), milliseconds since 1970.
    public var producerTimestampMs: Int64
    /// When the server received the fragment's first bytes, milliseconds since 1970.
    public var serverTimestampMs: Int64
    /// Length of the fragment's media in milliseconds (ListFragments' FragmentLengthInMilliseconds).
    public var durationMs: Int64
    /// Size of the stored Cluster element in bytes (ListFragments' FragmentSizeInBytes).
    public var sizeBytes: Int

    public init(number: FragmentNumber, producerTimestampMs: Int64, serverTimestampMs: Int64, durationMs: Int64,
                sizeBytes: Int) {
        self.number = number
        self.producerTimestampMs = producerTimestampMs
        self.serverTimestampMs = serverTimestampMs
        self.durationMs = durationMs
        self.sizeBytes = sizeBytes
    }
}
