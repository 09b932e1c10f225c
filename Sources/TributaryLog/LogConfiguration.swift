/// How a `FileRecordStore` lays out and syncs its logs.
///
/// It exists so the server can tune size and durability from flags without the log module knowing about
/// flags. `FileRecordStore.init` validates it against `Limits` and throws `LogError.invalidConfiguration`,
/// since the values usually come from a user.
public struct LogConfiguration: Sendable {
    /// A segment rolls when the next batch would make it pass this size (a batch is never split, so one
    /// batch larger than this gets a segment of its own).
    public var segmentBytesMax: Int
    /// One sparse offset-index and time-index entry per this many bytes of records: a lookup scans at most
    /// about this many bytes after its binary search.
    public var indexIntervalBytes: Int
    public var fsync: FsyncPolicy

    public init(segmentBytesMax: Int = 64 << 20, indexIntervalBytes: Int = 4096, fsync: FsyncPolicy = .always) {
        self.segmentBytesMax = segmentBytesMax
        self.indexIntervalBytes = indexIntervalBytes
        self.fsync = fsync
    }

    /// Throws `LogError.invalidConfiguration` when a value lies outside `Limits`.
    public func validate() throws {
        guard (Limits.segmentBytesFloor ... Limits.segmentBytesCeiling).contains(segmentBytesMax) else {
            throw LogError.invalidConfiguration(
                "segmentBytesMax \(segmentBytesMax) outside \(Limits.segmentBytesFloor)...\(Limits.segmentBytesCeiling)")
        }
        guard (1 ... Limits.segmentBytesCeiling).contains(indexIntervalBytes) else {
            throw LogError.invalidConfiguration("indexIntervalBytes \(indexIntervalBytes) outside 1...\(Limits.segmentBytesCeiling)")
        }
        if case .interval(let milliseconds) = fsync,
           !(1 ... Limits.fsyncIntervalMillisecondsCeiling).contains(milliseconds) {
            throw LogError.invalidConfiguration(
                "fsync interval \(milliseconds) ms outside 1...\(Limits.fsyncIntervalMillisecondsCeiling)")
        }
    }
}
