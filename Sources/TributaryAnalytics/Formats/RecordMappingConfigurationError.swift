/// An input schema that cannot map records: a column type that does not parse, a JSONPath that is not valid or
/// that flattens more than one array. Create/UpdateApplication answer it before any record is read.
public struct RecordMappingConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
