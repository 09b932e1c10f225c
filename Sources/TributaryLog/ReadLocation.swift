/// Where a read or lookup starts, found under the log's lock and used after releasing it.
///
/// It exists so the `pread`s of a read happen outside the lock: it carries the file (kept open by this
/// reference even if retention deletes it meanwhile) and the bounds that were valid when it was taken.
struct ReadLocation: Sendable {
    let file: OpenFile
    /// The first offset wanted (already raised to the start offset).
    let targetOffset: UInt64
    /// File position of the nearest indexed record at or before `targetOffset`.
    let position: Int
    /// Bytes of the segment fully written when located; frames beyond are never looked at.
    let limitBytes: Int
    /// The log's end offset when located; records at or past it are not served.
    let committedOffset: UInt64
    let startOffset: UInt64
    /// Base offset of the following segment, where a read continues; nil for the active segment.
    let followingBaseOffset: UInt64?
}
