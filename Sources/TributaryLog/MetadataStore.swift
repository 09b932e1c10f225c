/// Crash-safe storage of small documents (streams, shards, tags...) grouped in namespaces.
///
/// It exists as a protocol for the same reason as `RecordStore`: the embedded file implementation
/// (`FileMetadataStore`) can later be replaced by a database without services noticing.
public protocol MetadataStore: Sendable {
    /// All documents of a namespace, key -> bytes.
    func load(namespace: String) throws -> [String: [UInt8]]
    /// Durably writes (atomic replace: temp file + fsync + rename + directory fsync). Returns when durable.
    func put(namespace: String, key: String, value: [UInt8]) throws
    /// Durably removes the document (no error when absent).
    func delete(namespace: String, key: String) throws
}
