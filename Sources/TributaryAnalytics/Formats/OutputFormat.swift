/// An output's `DestinationSchema.RecordFormatType`: how rows of an in-application stream are written as records
/// to a data stream or a delivery stream.
public enum OutputFormat: String, Codable, Equatable, Sendable {
    case json = "JSON"
    case csv = "CSV"
}
