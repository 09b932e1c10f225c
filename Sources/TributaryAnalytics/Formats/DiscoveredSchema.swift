/// What DiscoverInputSchema answers: the inferred `InputSchema` and the samples it was inferred from.
public struct DiscoveredSchema: Equatable, Sendable {
    /// `InputSchema`: record format, encoding and columns.
    public var schema: InputSchema
    /// `ParsedInputRecords`: each sampled row's column values as text, nil where a value is missing or does not
    /// convert to its column's type (a CSV header's cell in an INTEGER column, for instance).
    public var parsedRows: [[String?]]
    /// `ProcessedInputRecords`: the records as a preprocessing Lambda returned them; empty without one.
    public var processedRecords: [String]
    /// `RawInputRecords`: the sampled records as read from the source.
    public var rawRecords: [String]

    public init(schema: InputSchema, parsedRows: [[String?]], processedRecords: [String], rawRecords: [String]) {
        self.schema = schema
        self.parsedRows = parsedRows
        self.processedRecords = processedRecords
        self.rawRecords = rawRecords
    }
}
