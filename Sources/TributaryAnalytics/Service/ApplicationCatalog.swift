import TributaryLog

/// The applications: a `MetadataCatalog` of `ApplicationDescriptor`s by name.
final class ApplicationCatalog: Sendable {
    static let namespace = "analytics-applications"

    private let catalog: MetadataCatalog<ApplicationDescriptor>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.name }
    }

    func application(named name: String) -> ApplicationDescriptor? {
        catalog.entry(name)
    }

    /// Every application, ordered by name as ListApplications answers.
    func allApplications() -> [ApplicationDescriptor] {
        catalog.all().sorted { $0.name < $1.name }
    }

    /// Adds an application unless `validate`, seeing every existing one, throws.
    func insert(_ descriptor: ApplicationDescriptor, validate: ([ApplicationDescriptor]) throws -> Void) throws {
        try catalog.insert(descriptor, validate: validate)
    }

    /// Changes one application atomically; nil when it does not exist. `body` may throw to refuse, and then nothing
    /// changes.
    @discardableResult
    func update<Result>(_ name: String, _ body: (inout ApplicationDescriptor) throws -> Result) throws -> Result? {
        try catalog.update(name, body)
    }

    /// Forgets an application, but only this incarnation of it.
    func remove(_ name: String, incarnation: Int64) throws {
        try catalog.remove(name) { $0.incarnation == incarnation }
    }
}
