import TributaryLog

/// The video streams: a `MetadataCatalog` of `VideoStreamDescriptor`s by name.
final class VideoStreamCatalog: Sendable {
    static let namespace = "video-streams"

    private let catalog: MetadataCatalog<VideoStreamDescriptor>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.name }
    }

    func stream(named name: String) -> VideoStreamDescriptor? {
        catalog.entry(name)
    }

    /// Every stream, ordered by name as ListStreams answers.
    func allStreams() -> [VideoStreamDescriptor] {
        catalog.all().sorted { $0.name < $1.name }
    }

    /// Adds a stream unless `validate`, seeing every existing one, throws.
    func insert(_ descriptor: VideoStreamDescriptor, validate: ([VideoStreamDescriptor]) throws -> Void) throws {
        try catalog.insert(descriptor, validate: validate)
    }

    /// Changes one stream atomically, provided it is still the incarnation created at `creationMs`; nil when it is
    /// gone or was re-created. `body` may throw to refuse, and then nothing changes.
    @discardableResult
    func update<Result>(_ name: String, creationMs: Int64,
                        _ body: (inout VideoStreamDescriptor) throws -> Result) throws -> Result? {
        var matched = true
        let result = try catalog.update(name) { descriptor -> Result? in
            guard descriptor.creationMs == creationMs else {
                matched = false
                return nil
            }
            return try body(&descriptor)
        }
        return matched ? result.flatMap { $0 } : nil
    }

    /// Forgets a stream, but only this incarnation of it.
    func remove(_ name: String, creationMs: Int64) throws {
        try catalog.remove(name) { $0.creationMs == creationMs }
    }
}
