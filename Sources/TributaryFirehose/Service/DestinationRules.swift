import TributaryWire

/// The checks CreateDeliveryStream and UpdateDestination share: a configuration is acceptable exactly when the
/// delivery worker can build its settings from it.
enum DestinationRules {
    static func validate(_ kind: DestinationKind, configuration: Document) throws {
        _ = try DestinationSettings(kind: kind, configuration: configuration)
    }
}
