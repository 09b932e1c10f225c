/// What one fsync pass of a log must cover, captured under the log's lock and carried out without it.
///
/// It exists so the slow part (`fsync`) runs outside the lock while appends go on; whatever is written after the
/// plan was taken is left for the next pass.
struct SynchronizationPlan: Sendable {
    /// Rolled segments to fsync and give index files, oldest first.
    let sealedSegments: [Segment]
    let activeFile: OpenFile
    /// One past the last record written when the plan was taken.
    let writtenOffset: UInt64
    let writtenTimestampMs: Int64?
    /// The directory change count to cover, when the directory needs an fsync.
    let directoryChangeCount: Int?
}
