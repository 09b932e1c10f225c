import Foundation
import Synchronization
import TributaryLog

/// The delivery streams, in memory and persisted through a `MetadataStore`.
///
/// Isolation: reads take a short lock on the map; mutations are serialized by a second lock held while the new
/// descriptor is persisted and published only once durable, so a client never sees state a crash could take back.
final class DeliveryStreamCatalog: Sendable {
    static let namespace = "firehose-streams"

    private let streams: Mutex<[String: DeliveryStreamDescriptor]>
    private let mutations = Mutex<Void>(())
    private let metadata: any MetadataStore

    init(metadata: any MetadataStore) throws {
        self.metadata = metadata
        var loaded: [String: DeliveryStreamDescriptor] = [:]
        for (_, bytes) in try metadata.load(namespace: Self.namespace) {
            let descriptor = try JSONDecoder().decode(DeliveryStreamDescriptor.self, from: Data(bytes))
            loaded[descriptor.name] = descriptor
        }
        streams = Mutex(loaded)
    }

    func stream(named name: String) -> DeliveryStreamDescriptor? {
        streams.withLock { $0[name] }
    }

    /// Every delivery stream, ordered by name as ListDeliveryStreams answers.
    func allStreams() -> [DeliveryStreamDescriptor] {
        streams.withLock { Array($0.values) }.sorted { $0.name < $1.name }
    }

    /// Adds a stream unless `validate`, seeing every existing one, throws.
    func insert(_ descriptor: DeliveryStreamDescriptor, validate: ([DeliveryStreamDescriptor]) throws -> Void) throws {
        try mutations.withLock { _ in
            try validate(streams.withLock { Array($0.values) })
            try persist(descriptor)
            streams.withLock { $0[descriptor.name] = descriptor }
        }
    }

    /// Changes one stream atomically; `body` may throw to refuse, and then nothing changes.
    @discardableResult
    func update<Result>(_ name: String, _ body: (inout DeliveryStreamDescriptor) throws -> Result) throws -> Result? {
        try mutations.withLock { _ in
            guard var descriptor = streams.withLock({ $0[name] }) else { return nil }
            let result = try body(&descriptor)
            try persist(descriptor)
            streams.withLock { $0[name] = descriptor }
            return result
        }
    }

    /// Forgets a stream, but only this incarnation of it.
    func remove(_ name: String, incarnation: Int64) throws {
        try mutations.withLock { _ in
            guard streams.withLock({ $0[name]?.incarnation }) == incarnation else { return }
            try metadata.delete(namespace: Self.namespace, key: name)
            streams.withLock { _ = $0.removeValue(forKey: name) }
        }
    }

    private func persist(_ descriptor: DeliveryStreamDescriptor) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try metadata.put(namespace: Self.namespace, key: descriptor.name, value: Array(try encoder.encode(descriptor)))
    }
}
