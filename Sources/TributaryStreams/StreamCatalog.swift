import TributaryLog

/// The set of streams and their metadata: a `MetadataCatalog` of `StreamDescriptor`s by name, with the order and the
/// errors Streams needs.
final class StreamCatalog: Sendable {
    static let namespace = "streams"

    private let catalog: MetadataCatalog<StreamDescriptor>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.name }
    }

    func stream(named name: String) -> StreamDescriptor? {
        catalog.entry(name)
    }

    /// Every stream, ordered by name as ListStreams answers.
    func allStreams() -> [StreamDescriptor] {
        catalog.all().sorted { $0.name < $1.name }
    }

    /// Adds a new stream; `validate` sees every existing stream and may throw to refuse (name taken, limits).
    func insert(_ descriptor: StreamDescriptor, validate: ([StreamDescriptor]) throws -> Void) throws {
        try catalog.insert(descriptor, validate: validate)
    }

    /// Changes one stream atomically. `body` may throw to refuse, in which case nothing changes.
    @discardableResult
    func update<Result>(_ name: String, _ body: (inout StreamDescriptor) throws -> Result) throws -> Result {
        guard let result = try catalog.update(name, body) else { throw CatalogError.missing }
        return result
    }

    /// Forgets a stream, but only the given incarnation (a stream recreated meanwhile stays).
    func remove(_ name: String, incarnation: Int64) throws {
        try catalog.remove(name) { $0.incarnation == incarnation }
    }

    enum CatalogError: Error { case missing }
}
