import TributaryLog

/// The durable checkpoints of every application, one document per application name.
struct CheckpointStore: Sendable {
    static let namespace = "analytics-checkpoints"
    let catalog: MetadataCatalog<ApplicationCheckpoint>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.applicationName }
    }

    /// The application incarnation's checkpoint of one input, if it ever ran.
    func load(application: String, incarnation: Int64, input: String) -> InputCheckpoint? {
        guard let saved = catalog.entry(application), saved.incarnation == incarnation else { return nil }
        return saved.inputs[input]
    }

    func save(_ checkpoint: ApplicationCheckpoint) throws {
        if try catalog.update(checkpoint.applicationName, { $0 = checkpoint }) == nil {
            try catalog.insert(checkpoint) { _ in }
        }
    }

    func delete(application: String) throws {
        try catalog.remove(application) { _ in true }
    }
}
