import TributarySQL
import TributaryWire

/// The API's `SourceSchema` (an Input's `InputSchema`, a reference data source's `ReferenceSchema`, DiscoverInputSchema's
/// answer) converted to and from the typed `InputSchema`, with the checks the model cannot express.
enum SourceSchemaDocument {
    /// AWS's defaults when a format names no mapping parameters.
    static let defaultRowPath = "$"
    static let defaultRecordDelimiter = "\n"
    static let defaultColumnDelimiter = ","

    /// A `SourceSchema` document as an `InputSchema`; every SqlType must parse.
    static func schema(_ document: Document) throws -> InputSchema {
        guard let format = try document.object("RecordFormat") else {
            throw AnalyticsError.invalidArgument("RecordFormat must be provided in the schema.")
        }
        return InputSchema(format: try recordFormat(format), encoding: try document.string("RecordEncoding") ?? "UTF-8",
                           columns: try columns(document.array("RecordColumns") ?? []))
    }

    /// `InputSchemaUpdate`: each member given replaces that part of the schema.
    static func updated(_ schema: InputSchema, with update: Document) throws -> InputSchema {
        var result = schema
        if let format = try update.object("RecordFormatUpdate") { result.format = try recordFormat(format) }
        if let encoding = try update.string("RecordEncodingUpdate") { result.encoding = encoding }
        if let columns = try update.array("RecordColumnUpdates") { result.columns = try self.columns(columns) }
        return result
    }

    static func recordFormat(_ document: Document) throws -> RecordFormat {
        let type = try document.string("RecordFormatType") ?? ""
        let parameters = try document.object("MappingParameters")
        switch type {
        case "JSON":
            let json = try parameters?.object("JSONMappingParameters")
            return .json(recordRowPath: try json?.string("RecordRowPath") ?? defaultRowPath)
        case "CSV":
            let csv = try parameters?.object("CSVMappingParameters")
            return .csv(recordDelimiter: try csv?.string("RecordRowDelimiter") ?? defaultRecordDelimiter,
                        columnDelimiter: try csv?.string("RecordColumnDelimiter") ?? defaultColumnDelimiter)
        default:
            throw AnalyticsError.invalidArgument("RecordFormatType \(type) is not supported; use JSON or CSV.")
        }
    }

    /// RecordColumns: names unique, types that parse as the SQL dialect's types.
    static func columns(_ documents: [Document]) throws -> [RecordColumn] {
        var seen = Set<String>()
        return try documents.map { document in
            let name = try document.string("Name") ?? ""
            let sqlType = try document.string("SqlType") ?? ""
            guard !name.isEmpty else { throw AnalyticsError.invalidArgument("A record column name must not be empty.") }
            guard seen.insert(name).inserted else {
                throw AnalyticsError.invalidArgument("Duplicate column name \(name) in RecordColumns.")
            }
            do throws(SQLSyntaxError) {
                _ = try SQLParser.parseType(sqlType)
            } catch {
                throw AnalyticsError.invalidArgument(
                    "Invalid SqlType \(sqlType) for column \(name): \(error.message)")
            }
            return RecordColumn(name: name, sqlType: sqlType, mapping: try document.string("Mapping"))
        }
    }

    /// The schema as the API describes it.
    static func document(_ schema: InputSchema) -> Document {
        var members: [String: Document] = [
            "RecordFormat": formatDocument(schema.format),
            "RecordColumns": .array(schema.columns.map { column in
                var fields: [String: Document] = ["Name": .string(column.name), "SqlType": .string(column.sqlType)]
                fields["Mapping"] = column.mapping.map(Document.string)
                return .object(fields)
            }),
        ]
        members["RecordEncoding"] = schema.encoding.map(Document.string)
        return .object(members)
    }

    static func formatDocument(_ format: RecordFormat) -> Document {
        switch format {
        case .json(let rowPath):
            .object([
                "RecordFormatType": .string("JSON"),
                "MappingParameters": .object(["JSONMappingParameters": .object(["RecordRowPath": .string(rowPath)])]),
            ])
        case .csv(let recordDelimiter, let columnDelimiter):
            .object([
                "RecordFormatType": .string("CSV"),
                "MappingParameters": .object(["CSVMappingParameters": .object([
                    "RecordRowDelimiter": .string(recordDelimiter),
                    "RecordColumnDelimiter": .string(columnDelimiter),
                ])]),
            ])
        }
    }
}
