import TributaryLog

/// The delivery streams: a `MetadataCatalog` of `DeliveryStreamDescriptor`s by name.
final class DeliveryStreamCatalog: Sendable {
    static let namespace = "firehose-streams"

    private let catalog: MetadataCatalog<DeliveryStreamDescriptor>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.name }
    }

    func stream(named name: String) -> DeliveryStreamDescriptor? {
        catalog.entry(name)
    }

    /// Every delivery stream, ordered by name as ListDeliveryStreams answers.
    func allStreams() -> [DeliveryStreamDescriptor] {
        catalog.all().sorted { $0.name < $1.name }
    }

    /// Adds a stream unless `validate`, seeing every existing one, throws.
    func insert(_ descriptor: DeliveryStreamDescriptor, validate: ([DeliveryStreamDescriptor]) throws -> Void) throws {
        try catalog.insert(descriptor, validate: validate)
    }

    /// Changes one stream atomically; nil when it does not exist. `body` may throw to refuse, and then nothing changes.
    @discardableResult
    func update<Result>(_ name: String, _ body: (inout DeliveryStreamDescriptor) throws -> Result) throws -> Result? {
        try catalog.update(name, body)
    }

    /// Forgets a stream, but only this incarnation of it.
    func remove(_ name: String, incarnation: Int64) throws {
        try catalog.remove(name) { $0.incarnation == incarnation }
    }
}
