/// What a sealed segment's index files say about it, so it need not be scanned at open.
struct LoadedSegmentIndex: Sendable {
    let index: SegmentIndex
    /// One past the segment's last record.
    let nextOffset: UInt64
    /// The segment's last (largest) timestamp; nil when it holds no record.
    let lastTimestampMs: Int64?
}
