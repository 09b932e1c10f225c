/// Why no schema could be inferred from the sampled records; DiscoverInputSchema answers
/// UnableToDetectSchemaException with `message`.
public struct SchemaDiscoveryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
