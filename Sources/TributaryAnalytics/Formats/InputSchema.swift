/// How records of a streaming source or a reference object become rows: the `InputSchema` /
/// `ReferenceSchema` of the API (RecordFormat, RecordEncoding, RecordColumns), already checked and typed.
///
/// The control plane stores it in application descriptors; input mapping, output formatting and DiscoverInputSchema
/// all speak it.
public struct InputSchema: Codable, Equatable, Sendable {
    public var format: RecordFormat
    /// `RecordEncoding`; only UTF-8 exists.
    public var encoding: String?
    public var columns: [RecordColumn]

    public init(format: RecordFormat, encoding: String? = "UTF-8", columns: [RecordColumn]) {
        self.format = format
        self.encoding = encoding
        self.columns = columns
    }
}

/// `RecordFormat`: JSON with a row path, or CSV with its two delimiters.
public enum RecordFormat: Codable, Equatable, Sendable {
    /// `RecordFormatType: JSON`, `MappingParameters.JSONMappingParameters.RecordRowPath` (`$`, `$.a.b`, `$.a[0:]`).
    case json(recordRowPath: String)
    /// `RecordFormatType: CSV`, `MappingParameters.CSVMappingParameters` (`\n` and `,` by default).
    case csv(recordDelimiter: String, columnDelimiter: String)
}

/// One `RecordColumn`: the in-application column name (case kept as given), its SQL type as text
/// (`VARCHAR(4)`, `DECIMAL(8,2)`), and for JSON the `Mapping` path (`$.a.b`) into the row.
public struct RecordColumn: Codable, Equatable, Sendable {
    public var name: String
    public var sqlType: String
    public var mapping: String?

    public init(name: String, sqlType: String, mapping: String? = nil) {
        self.name = name
        self.sqlType = sqlType
        self.mapping = mapping
    }
}
