/// One entry of a segment's sparse offset index: the record at `relativeOffset` (offset minus the segment's
/// base offset) starts at byte `position` of the segment file.
///
/// Stored as `UInt32`s (8 bytes on disk, see `SegmentIndexFile`), which `Limits.segmentBytesCeiling` makes safe.
struct OffsetIndexEntry: Sendable, Equatable {
    let relativeOffset: UInt32
    let position: UInt32
}
