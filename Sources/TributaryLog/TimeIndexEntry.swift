/// One entry of a segment's sparse time index: the record at `relativeOffset` has timestamp `timestampMs`.
///
/// Timestamps are non-decreasing along a log, so these entries are sorted by both fields and a timestamp
/// lookup is a binary search. 12 bytes on disk, see `SegmentIndexFile`.
struct TimeIndexEntry: Sendable, Equatable {
    let timestampMs: Int64
    let relativeOffset: UInt32
}
