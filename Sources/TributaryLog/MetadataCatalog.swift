import Foundation
import Synchronization

/// A set of small named documents (streams, delivery streams, applications...) kept in memory and persisted as JSON,
/// one document per key, through a `MetadataStore`.
///
/// It exists so every service's catalog has the same durability rule without writing it again: reads take a short
/// lock on the map; mutations are serialized by a second lock held while the new document is persisted, and are
/// published to readers only once durable, so no client ever observes state that a crash could take back.
public final class MetadataCatalog<Entry: Codable & Sendable>: Sendable {
    private let entries: Mutex<[String: Entry]>
    private let mutations = Mutex<Void>(())
    private let metadata: any MetadataStore
    private let namespace: String
    private let key: @Sendable (Entry) -> String

    /// Loads every document of `namespace`; `key` names an entry (its document's key).
    public init(metadata: any MetadataStore, namespace: String, key: @escaping @Sendable (Entry) -> String) throws {
        self.metadata = metadata
        self.namespace = namespace
        self.key = key
        var loaded: [String: Entry] = [:]
        let decoder = JSONDecoder()
        for (_, bytes) in try metadata.load(namespace: namespace) {
            let entry = try decoder.decode(Entry.self, from: Data(bytes))
            loaded[key(entry)] = entry
        }
        entries = Mutex(loaded)
    }

    public func entry(_ name: String) -> Entry? {
        entries.withLock { $0[name] }
    }

    /// Every entry, in no particular order.
    public func all() -> [Entry] {
        entries.withLock { Array($0.values) }
    }

    /// Adds an entry; `validate` sees every existing one and may throw to refuse (name taken, limits).
    public func insert(_ entry: Entry, validate: ([Entry]) throws -> Void) throws {
        try mutations.withLock { _ in
            try validate(all())
            try persist(entry)
            entries.withLock { $0[key(entry)] = entry }
        }
    }

    /// Changes one entry atomically; nil when there is none. `body` may throw to refuse, and then nothing changes.
    public func update<Result>(_ name: String, _ body: (inout Entry) throws -> Result) throws -> Result? {
        try mutations.withLock { _ in
            guard var entry = entries.withLock({ $0[name] }) else { return nil }
            let result = try body(&entry)
            try persist(entry)
            entries.withLock { $0[name] = entry }
            return result
        }
    }

    /// Forgets an entry, but only while `matches` holds for it (a newer entry under the same name stays).
    public func remove(_ name: String, where matches: (Entry) -> Bool) throws {
        try mutations.withLock { _ in
            guard let entry = entries.withLock({ $0[name] }), matches(entry) else { return }
            try metadata.delete(namespace: namespace, key: name)
            entries.withLock { _ = $0.removeValue(forKey: name) }
        }
    }

    private func persist(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try metadata.put(namespace: namespace, key: key(entry), value: Array(try encoder.encode(entry)))
    }
}
