import Foundation
import Synchronization

/// The embedded default `RecordStore`: one directory of segment files per log under `directory`, e.g.
/// `<directory>/streams/orders.1700000000/shardId-000000000000/00000000000000000000.log`.
///
/// It exists so a single process needs no database. It owns the `GroupCommitter` shared by all its logs (one
/// dedicated fsync queue for the whole store) and, under `.interval`, the periodic fsync, which `close()` (or the
/// store's release) stops. The map of open logs sits behind a mutex; opening a log (recovery) happens under it, so
/// two callers of `log(_:)` for one identifier always get the same instance.
public final class FileRecordStore: RecordStore {
    public let directory: URL
    public let configuration: LogConfiguration
    let committer = GroupCommitter()
    let currentTimeMs: @Sendable () -> Int64
    private let state = Mutex(RecordStoreState())

    public convenience init(directory: URL, configuration: LogConfiguration) throws {
        try self.init(directory: directory, configuration: configuration, currentTimeMs: FileRecordStore.wallClockMs)
    }

    /// Creates the store with an injected clock (tests control timestamps with it).
    init(directory: URL, configuration: LogConfiguration, currentTimeMs: @escaping @Sendable () -> Int64) throws {
        try configuration.validate()
        self.directory = directory
        self.configuration = configuration
        self.currentTimeMs = currentTimeMs
        try FileSystem.createDirectories(directory.path)
        if case .interval(let milliseconds) = configuration.fsync {
            committer.startPeriodicSynchronization(intervalMilliseconds: milliseconds) { [weak self] in
                self?.openLogs ?? []
            }
        }
    }

    deinit {
        committer.stopPeriodicSynchronization()
    }

    /// Number of segment-file fsyncs the store has issued (group commit makes it far smaller than the number of
    /// appends under `.always`).
    public var fsyncCount: Int {
        committer.fsyncCount
    }

    public func log(_ id: LogIdentifier) throws -> any RecordLog {
        try fileLog(id)
    }

    /// The concrete log, for tests and tools inside the module.
    func fileLog(_ id: LogIdentifier) throws -> FileRecordLog {
        // The common case, an open log, is a dictionary lookup; the path is built and checked only to open one.
        if let open = try state.withLock({ state -> FileRecordLog? in
            guard !state.isClosed else { throw LogError.storeClosed }
            return state.logs[id]
        }) {
            return open
        }
        let path = try logDirectory(id.path)
        return try state.withLock { state in
            guard !state.isClosed else { throw LogError.storeClosed }
            if let log = state.logs[id] { return log }
            let log = try FileRecordLog(
                identifier: id, directory: path, configuration: configuration, committer: committer,
                currentTimeMs: currentTimeMs)
            state.logs[id] = log
            return log
        }
    }

    public func deleteLog(_ id: LogIdentifier) throws {
        let path = try logDirectory(id.path)
        let log = state.withLock { $0.logs.removeValue(forKey: id) }
        log?.closeForDeletion()
        try FileSystem.removeTree(path)
        try synchronizeParent(of: path)
    }

    public func deleteLogs(under prefix: [String]) throws {
        precondition(!prefix.isEmpty, "deleting every log of the store is not a prefix deletion")
        let path = try logDirectory(prefix)
        let logs = state.withLock { state in
            let matching = state.logs.filter { $0.key.isUnder(prefix) }
            for id in matching.keys {
                state.logs[id] = nil
            }
            return Array(matching.values)
        }
        for log in logs {
            log.closeForDeletion()
        }
        try FileSystem.removeTree(path)
        try synchronizeParent(of: path)
    }

    public func close() async throws {
        let logs = state.withLock { state in
            state.isClosed = true
            let logs = Array(state.logs.values)
            state.logs.removeAll()
            return logs
        }
        committer.stopPeriodicSynchronization()
        try await committer.perform {
            var firstFailure: (any Error)?
            for log in logs {
                do {
                    try log.close()
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            if let firstFailure { throw firstFailure }
        }
    }

    /// The logs open now.
    var openLogs: [FileRecordLog] {
        state.withLock { Array($0.logs.values) }
    }

    /// The directory of a log (or of a prefix of logs), after checking each component is a plain name.
    private func logDirectory(_ components: [String]) throws -> String {
        guard !components.isEmpty else { throw LogError.invalidIdentifier("empty path") }
        for component in components {
            guard !component.isEmpty, component != ".", component != "..",
                  !component.contains("/"), !component.contains("\0"),
                  component.utf8.count <= Limits.fileNameBytesMax
            else { throw LogError.invalidIdentifier("\(components) has an unusable component \"\(component)\"") }
        }
        return directory.path + "/" + components.joined(separator: "/")
    }

    private func synchronizeParent(of path: String) throws {
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        var status = stat()
        if !parent.isEmpty, stat(parent, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            try FileSystem.synchronizeDirectory(parent)
        }
    }

    /// Milliseconds since 1970 from the real-time clock.
    static let wallClockMs: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
