import TributaryLog

/// The buffer offset below which a delivery stream's records are delivered, persisted after each delivered batch.
///
/// Layout of the value: 8 bytes, the offset little-endian. Written only after the batch's objects or requests
/// succeeded, so a crash in between delivers the batch again (at least once, duplicates only across a crash).
struct DeliveryCheckpoints: Sendable {
    static let namespace = "firehose-delivered"
    let metadata: any MetadataStore

    func load(_ key: String) throws -> UInt64? {
        guard let bytes = try metadata.load(namespace: Self.namespace)[key], bytes.count == 8 else { return nil }
        return bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    func save(_ key: String, offset: UInt64) throws {
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: offset >> (8 * UInt64($0))) }
        try metadata.put(namespace: Self.namespace, key: key, value: bytes)
    }
}
