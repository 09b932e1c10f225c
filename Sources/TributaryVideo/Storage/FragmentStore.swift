import Synchronization
import TributaryLog

/// Keeps every Kinesis video stream's fragments durably on record logs, and finds them again.
///
/// It exists so PutMedia, GetMedia, ListFragments and the HLS/DASH/clip readers share one storage of fragments
/// without a second storage engine: each stream (named by a directory-safe `key` such as `cam1.1700000000000`) gets
/// a media log `["video", key, "media"]` holding one atomic batch per fragment, and an index log
/// `["video", key, "index"]` holding one small record per fragment (formats in `FragmentMediaBatch` and
/// `FragmentIndexEntry`). A fragment's number is its batch's first media offset, so numbers grow along a stream.
/// A stream is loaded on first use (its whole index log, about 45 bytes per fragment) and kept in memory.
/// Thread-safety: all methods may be called concurrently. Appends to one stream run one at a time; reads wait only
/// for a short lock. Loading a stream happens under the store's map lock, so concurrent first uses load it once.
public final class FragmentStore: Sendable {
    private let records: any RecordStore
    private let streams = Mutex<[String: FragmentStream]>([:])

    public init(records: any RecordStore) {
        self.records = records
    }

    /// Stores the fragment and returns its entry once its media and index records are durable.
    public func append(_ fragment: FragmentInput, stream key: String) async throws -> StoredFragment {
        try await stream(key).append(fragment)
    }

    /// Every retained fragment in number order.
    public func fragments(stream key: String) throws -> [StoredFragment] {
        try stream(key).state.withLock { $0.index.entries.map(\.fragment) }
    }

    /// Every retained fragment in number order with its ordinal: a per-stream counter that grows by one per fragment
    /// (it is the fragment's index-log offset), so HLS media sequence numbers stay stable while retention removes old
    /// fragments. Only an index repaired after a crash can leave a gap in it.
    public func fragmentOrdinals(stream key: String) throws -> [(ordinal: UInt64, fragment: StoredFragment)] {
        try stream(key).ordinals()
    }

    public func fragment(_ number: FragmentNumber, stream key: String) throws -> StoredFragment? {
        try stream(key).state.withLock { $0.index.entry(number)?.fragment }
    }

    /// The stored parts, or nil when unknown or removed by retention.
    public func content(_ number: FragmentNumber, stream key: String) throws -> FragmentContent? {
        try stream(key).content(number)
    }

    /// The first retained fragment with a number greater than `number` (the earliest when `number` is nil).
    public func fragment(after number: FragmentNumber?, stream key: String) throws -> StoredFragment? {
        try stream(key).state.withLock { $0.index.first(after: number)?.fragment }
    }

    /// The newest fragment, nil when none.
    public func latest(stream key: String) throws -> StoredFragment? {
        try stream(key).state.withLock { $0.index.latest?.fragment }
    }

    /// Suspends until a fragment newer than `number` exists (immediately if one does), the task is cancelled or the
    /// store is closed. GetMedia uses it to follow a live stream. Also returns when the stream is deleted or cannot
    /// be loaded (the caller's next read reports why).
    public func waitForFragment(after number: FragmentNumber?, stream key: String) async {
        guard let stream = try? stream(key) else { return }
        await stream.waitForFragment(after: number)
    }

    /// Removes the fragments whose server timestamp is older than `nowMs - retentionMs` (oldest first, stopping at
    /// the first kept) and trims both logs below the oldest kept fragment, deleting whole old segments. Returns how
    /// many fragments were removed; they are no longer listed or readable.
    @discardableResult
    public func applyRetention(stream key: String, retentionMs: Int64, nowMs: Int64) throws -> Int {
        let (cutoffMs, hasOverflowed) = nowMs.subtractingReportingOverflow(retentionMs)
        return try stream(key).applyRetention(serverTimestampBeforeMs: hasOverflowed ? Int64.min : cutoffMs)
    }

    /// Closes and deletes the stream's logs and forgets it; its waiters return. No error when it has no logs.
    public func deleteStream(_ key: String) throws {
        // Under the map lock, so no concurrent first use reopens the logs while their directory is being removed.
        try streams.withLock { streams in
            streams.removeValue(forKey: key)?.markDeleted()
            try records.deleteLogs(under: ["video", key])
        }
    }

    /// The loaded stream, loading it on first use (internal for tests).
    func stream(_ key: String) throws -> FragmentStream {
        try streams.withLock { streams in
            if let stream = streams[key] { return stream }
            let stream = try FragmentStream.open(key: key, records: records)
            streams[key] = stream
            return stream
        }
    }
}
