import Crypto
import Synchronization
import TributaryLog

/// The local keys that stand for the KMS keys delivery streams are encrypted with: one 256-bit key per delivery
/// stream incarnation, created when encryption first starts and kept (in the metadata store) until the stream is
/// deleted, so records sealed before a restart or a StopDeliveryStreamEncryption can still be delivered.
final class BufferKeyring: Sendable {
    static let namespace = "firehose-keys"

    private let keys: Mutex<[String: [UInt8]]>
    private let metadata: any MetadataStore

    init(metadata: any MetadataStore) throws {
        self.metadata = metadata
        keys = Mutex(try metadata.load(namespace: Self.namespace))
    }

    /// Makes sure the stream has a key (durably) before any record is sealed with it.
    func ensureKey(_ stream: String) throws {
        guard keys.withLock({ $0[stream] }) == nil else { return }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        try metadata.put(namespace: Self.namespace, key: stream, value: bytes)
        keys.withLock { $0[stream] = bytes }
    }

    func key(for stream: String) throws -> SymmetricKey {
        guard let bytes = keys.withLock({ $0[stream] }) else {
            throw FirehoseError.internalFailure("The encryption key of the Firehose stream is missing.")
        }
        return SymmetricKey(data: bytes)
    }

    func forget(_ stream: String) throws {
        try metadata.delete(namespace: Self.namespace, key: stream)
        keys.withLock { _ = $0.removeValue(forKey: stream) }
    }
}
