import Synchronization
import TributaryLog

/// One stream's fragments: its media log, its index log and the in-memory index over both.
///
/// It exists so `FragmentStore` only routes stream keys. Media log: one atomic batch per fragment
/// (`FragmentMediaBatch`), the fragment's number being the batch's first offset. Index log: one record per fragment
/// (`FragmentIndexEntry`), in number order. The media log is the truth; the index log only saves reading it at
/// load, and an index record missing after a crash is derived from the media log again (`open`).
/// Isolation: appends take `appendLock` for their whole length (so index records stay in number order); the index
/// and the waiters sit behind `state`, held only for memory work, so reads never wait for an append's fsyncs.
final class FragmentStream: Sendable {
    let key: String
    let mediaLog: any RecordLog
    let indexLog: any RecordLog
    let state: Mutex<FragmentStreamState>
    private let appendLock = AsyncSerialLock()

    init(key: String, mediaLog: any RecordLog, indexLog: any RecordLog, index: StreamFragmentIndex) {
        self.key = key
        self.mediaLog = mediaLog
        self.indexLog = indexLog
        self.state = Mutex(FragmentStreamState(index: index))
    }

    /// Stores the fragment: its media batch, then its index record. Returns once both are durable. When the index
    /// append fails the fragment is still stored (its media is) and listed, and the error is thrown; the next
    /// append writes the missing index record first.
    func append(_ input: FragmentInput) async throws -> StoredFragment {
        var (entry, records) = try FragmentMediaBatch.encode(input)
        await appendLock.acquire()
        defer { appendLock.release() }
        try await writeUnwrittenIndexRecords()
        let media = try await mediaLog.append(records)
        entry.fragment.number = FragmentNumber(offset: media.firstOffset)
        do {
            let index = try await indexLog.append([LogRecordInput(key: [], value: entry.encodedIndexRecord)])
            entry.indexOffset = index.firstOffset
        } catch {
            add(entry)
            throw error
        }
        add(entry)
        return entry.fragment
    }

    /// The fragment's parts, nil when the index does not list it (unknown, or removed by retention).
    func content(_ number: FragmentNumber) throws -> FragmentContent? {
        guard let entry = state.withLock({ $0.index.entry(number) }) else { return nil }
        let records = try mediaLog.read(from: number.offset, maxRecords: entry.recordCount, maxBytes: Int.max)
        if records.first?.offset != number.offset, mediaLog.startOffset > number.offset {
            return nil // retention trimmed it between the lookup and the read
        }
        return try FragmentMediaBatch.content(of: records, entry: entry, stream: key)
    }

    /// The index's fragments with their index-log offsets; entries not yet written get the offsets the next append
    /// will write them at.
    func ordinals() -> [(ordinal: UInt64, fragment: StoredFragment)] {
        var nextUnwritten = indexLog.endOffset
        return state.withLock { state in
            state.index.entries.map { entry in
                if let offset = entry.indexOffset { return (offset, entry.fragment) }
                defer { nextUnwritten += 1 }
                return (nextUnwritten, entry.fragment)
            }
        }
    }

    /// Removes the fragments received before `cutoffMs` and trims both logs below the oldest fragment kept.
    func applyRetention(serverTimestampBeforeMs cutoffMs: Int64) throws -> Int {
        guard let cut = state.withLock({ $0.index.removeEntries(serverTimestampBeforeMs: cutoffMs) }) else { return 0 }
        try mediaLog.trim(before: cut.mediaFirstKeptOffset)
        if let indexFirstKeptOffset = cut.indexFirstKeptOffset {
            try indexLog.trim(before: indexFirstKeptOffset)
        }
        return cut.removedCount
    }

    /// Marks the stream deleted and wakes its waiters (its logs are being removed).
    func markDeleted() {
        let woken = state.withLock { state in
            state.isDeleted = true
            return state.takeReadyWaiters()
        }
        for waiter in woken {
            waiter.continuation.resume()
        }
    }

    /// Writes the index records of entries known only from the media log, in order. Runs under `appendLock`.
    private func writeUnwrittenIndexRecords() async throws {
        let unwritten = state.withLock { Array($0.index.unwritten) }
        guard !unwritten.isEmpty else { return }
        let result = try await indexLog.append(unwritten.map { LogRecordInput(key: [], value: $0.encodedIndexRecord) })
        state.withLock { state in
            for (position, entry) in unwritten.enumerated() {
                state.index.recordIndexOffset(result.firstOffset + UInt64(position), for: entry.fragment.number)
            }
        }
    }

    private func add(_ entry: FragmentIndexEntry) {
        let woken = state.withLock { state in
            state.index.append(entry)
            return state.takeReadyWaiters()
        }
        for waiter in woken {
            waiter.continuation.resume()
        }
    }
}
