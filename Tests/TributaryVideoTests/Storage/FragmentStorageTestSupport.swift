import Foundation
import TributaryLog
@testable import TributaryVideo

/// A fresh data directory for fragment storage tests: opens record stores on it and counts the files they leave.
final class FragmentStorageDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tributary-fragment-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// A record store on this directory; `.never` keeps tests fast (closing the store still fsyncs).
    func makeRecordStore(segmentBytesMax: Int = 64 << 20, fsync: FsyncPolicy = .never) throws -> FileRecordStore {
        try FileRecordStore(directory: url, configuration: LogConfiguration(segmentBytesMax: segmentBytesMax, fsync: fsync))
    }

    /// The segment files (`*.log`) of one of a stream's logs ("media" or "index").
    func segmentFileCount(stream key: String, log name: String) throws -> Int {
        let path = url.appendingPathComponent("video/\(key)/\(name)").path
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".log") }.count
    }

    func hasDirectory(stream key: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("video/\(key)").path)
    }
}

/// Bytes that differ with `seed` and along their length (no short period), so a misplaced chunk shows.
func patternBytes(_ count: Int, seed: Int) -> [UInt8] {
    (0 ..< count).map { UInt8(truncatingIfNeeded: ($0 >> 10) &+ ($0 &* 7) &+ seed &* 13) }
}

/// A fragment whose parts and times derive from `seed`.
func sampleFragment(_ seed: Int, clusterBytes: Int = 1_000, tagsBytes: Int = 0, serverTimestampMs: Int64? = nil) -> FragmentInput {
    FragmentInput(
        producerTimestampMs: 1_700_000_000_000 + Int64(seed) * 2_000,
        serverTimestampMs: serverTimestampMs ?? 1_700_000_000_500 + Int64(seed) * 2_000,
        durationMs: 2_000 - Int64(seed),
        head: patternBytes(40 + seed, seed: seed),
        cluster: patternBytes(clusterBytes, seed: seed + 1),
        tags: patternBytes(tagsBytes, seed: seed + 2))
}

/// The parts of `input` as storage should return them for `fragment`.
func expectedContent(_ input: FragmentInput, as fragment: StoredFragment) -> FragmentContent {
    FragmentContent(fragment: fragment, head: input.head, cluster: input.cluster, tags: input.tags)
}
