/// The outcome of locating a timestamp under the log's lock: either the answer, or a short scan to do
/// outside the lock.
enum TimestampLookup: Sendable {
    case resolved(UInt64)
    /// Scan forward from `location` for the first record at or after the timestamp; if the segment ends first,
    /// the answer is `segmentNextOffset`.
    case scan(ReadLocation, segmentNextOffset: UInt64)
}
