import Crypto
import Foundation
import Synchronization
import TributaryLog

/// The local stand-in for KMS: one AES-256 key per KMS key id a stream was encrypted with, kept in the metadata
/// store (namespace `keyring`) so encrypted records stay readable across restarts.
///
/// Records carry the key's number, not its id, so a stream can change keys while older records stay readable.
/// Anyone who can read the data dir can read the keyring: it protects records at rest from someone holding the
/// segment files alone, as the issue asks, not from the host's root user.
final class Keyring: Sendable {
    struct Entry: Codable, Sendable {
        var number: UInt32
        var keyId: String
        var material: [UInt8]
    }

    static let namespace = "keyring"

    private let entries: Mutex<[UInt32: Entry]>
    private let metadata: any MetadataStore

    init(metadata: any MetadataStore) throws {
        self.metadata = metadata
        var loaded: [UInt32: Entry] = [:]
        for (_, bytes) in try metadata.load(namespace: Self.namespace) {
            let entry = try JSONDecoder().decode(Entry.self, from: Data(bytes))
            loaded[entry.number] = entry
        }
        self.entries = Mutex(loaded)
    }

    /// The key for a (normalized) KMS key id, made and persisted on first use.
    func key(forKeyId keyId: String) throws -> Entry {
        try entries.withLock { entries in
            if let existing = entries.values.first(where: { $0.keyId == keyId }) { return existing }
            let entry = Entry(number: (entries.keys.max() ?? 0) + 1, keyId: keyId,
                              material: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
            try metadata.put(namespace: Self.namespace, key: String(entry.number),
                             value: Array(try JSONEncoder().encode(entry)))
            entries[entry.number] = entry
            return entry
        }
    }

    func key(number: UInt32) -> Entry? {
        entries.withLock { $0[number] }
    }

    /// The canonical form of the KeyId forms AWS accepts: a key ARN or an alias ARN becomes the key id or the alias;
    /// nil for anything that is none of them.
    static func normalize(_ keyId: String) -> String? {
        var text = keyId
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "kms" else { return nil }
            text = String(parts[5])
            if text.hasPrefix("key/") { text = String(text.dropFirst(4)) }
        }
        if text.hasPrefix("alias/"), text.count > 6 { return text }
        if UUID(uuidString: text) != nil { return text.lowercased() }
        return nil
    }
}
