import Foundation
import Synchronization
import TributaryLog

/// The set of streams and their metadata, kept in memory and persisted through a `MetadataStore`.
///
/// Isolation: reads take a short lock on the in-memory map. Mutations are serialized by a second lock held while the
/// new descriptor is persisted, and are published to readers only once durable, so no client ever observes state
/// that a crash could take back.
final class StreamCatalog: Sendable {
    static let namespace = "streams"

    private let streams: Mutex<[String: StreamDescriptor]>
    private let mutations = Mutex<Void>(())
    private let metadata: any MetadataStore

    init(metadata: any MetadataStore) throws {
        self.metadata = metadata
        var loaded: [String: StreamDescriptor] = [:]
        let decoder = JSONDecoder()
        for (_, bytes) in try metadata.load(namespace: Self.namespace) {
            let descriptor = try decoder.decode(StreamDescriptor.self, from: Data(bytes))
            loaded[descriptor.name] = descriptor
        }
        self.streams = Mutex(loaded)
    }

    func stream(named name: String) -> StreamDescriptor? {
        streams.withLock { $0[name] }
    }

    /// Every stream, ordered by name as ListStreams answers.
    func allStreams() -> [StreamDescriptor] {
        streams.withLock { Array($0.values) }.sorted { $0.name < $1.name }
    }

    /// Adds a new stream; `validate` sees every existing stream and may throw to refuse (name taken, limits).
    func insert(_ descriptor: StreamDescriptor, validate: ([StreamDescriptor]) throws -> Void) throws {
        try mutations.withLock { _ in
            try validate(streams.withLock { Array($0.values) })
            try persist(descriptor)
            streams.withLock { $0[descriptor.name] = descriptor }
        }
    }

    /// Changes one stream atomically. `body` may throw to refuse, in which case nothing changes.
    @discardableResult
    func update<Result>(_ name: String, _ body: (inout StreamDescriptor) throws -> Result) throws -> Result {
        try mutations.withLock { _ in
            guard var descriptor = streams.withLock({ $0[name] }) else {
                throw CatalogError.missing
            }
            let result = try body(&descriptor)
            try persist(descriptor)
            streams.withLock { $0[name] = descriptor }
            return result
        }
    }

    /// Forgets a stream, but only the given incarnation (a stream recreated meanwhile stays).
    func remove(_ name: String, incarnation: Int64) throws {
        try mutations.withLock { _ in
            guard streams.withLock({ $0[name]?.incarnation }) == incarnation else { return }
            try metadata.delete(namespace: Self.namespace, key: name)
            streams.withLock { _ = $0.removeValue(forKey: name) }
        }
    }

    private func persist(_ descriptor: StreamDescriptor) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try metadata.put(namespace: Self.namespace, key: descriptor.name, value: Array(try encoder.encode(descriptor)))
    }

    enum CatalogError: Error { case missing }
}
