import Foundation
import Synchronization

/// GetMedia's body: every fragment after a cursor as a complete Matroska chunk, then new fragments as they are
/// persisted, until the stream has been caught up with and quiet for `DataPlaneLimits.getMediaIdleEndMs`, the stream
/// is gone, or the client goes away (the gateway cancels the task). A storage failure ends the body with AWS's
/// error chunk (AWS_KINESISVIDEO_ERROR_ID 5000).
final class LiveMediaReader: MediaChunkSource {
    private let fragments: FragmentStore
    private let streamKey: String
    private let cursor: Mutex<FragmentNumber?>
    private let failed = Mutex(false)
    private let idleEndMs: Int64

    init(fragments: FragmentStore, streamKey: String, after cursor: FragmentNumber?,
         idleEndMs: Int64 = DataPlaneLimits.getMediaIdleEndMs) {
        self.fragments = fragments
        self.streamKey = streamKey
        self.cursor = Mutex(cursor)
        self.idleEndMs = idleEndMs
    }

    func next() async throws -> [UInt8]? {
        guard !failed.withLock({ $0 }) else { return nil }
        do {
            return try await nextChunk()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            failed.withLock { $0 = true }
            return GetMediaChunk.error(code: "INTERNAL_ERROR", id: 5000)
        }
    }

    private func nextChunk() async throws -> [UInt8]? {
        let after = cursor.withLock { $0 }
        while true {
            try Task.checkCancellation()
            if let fragment = try fragments.fragment(after: after, stream: streamKey) {
                cursor.withLock { $0 = fragment.number }
                guard let content = try fragments.content(fragment.number, stream: streamKey) else {
                    // Removed by retention between the two reads: move on to the next one.
                    return try await nextChunk()
                }
                let newest = try fragments.latest(stream: streamKey)?.serverTimestampMs ?? fragment.serverTimestampMs
                return GetMediaChunk.live(content, millisBehindNow: max(0, newest - fragment.serverTimestampMs),
                                          continuationToken: fragment.number.description)
            }
            guard try await waitForFragment(after: after) else { return nil }
        }
    }

    /// Waits for a fragment newer than `after`; false when none came within the idle window.
    private func waitForFragment(after: FragmentNumber?) async throws -> Bool {
        let fragments = fragments
        let streamKey = streamKey
        let idle = idleEndMs
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                await fragments.waitForFragment(after: after, stream: streamKey)
                return !Task.isCancelled
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(idle) * 1_000_000)
                return false
            }
            let arrived = try await group.next() ?? false
            group.cancelAll()
            return arrived
        }
    }
}
