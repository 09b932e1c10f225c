import TributarySQL

/// Turns the records of a streaming source or a reference object into typed rows, following an `InputSchema`.
///
/// One record may give several rows (a CSV record with several row delimiters, a JSON row path or column mapping
/// with `[0:]` that flattens an array, several JSON documents in one record). A row that cannot be mapped, a
/// record that is not JSON or a field that does not convert to its column's type, becomes `MappedRow.error`
/// for error_stream, and the other rows of the record still map.
///
/// Built once per input when the application starts; `rows(from:)` is then called for every record and is safe
/// to call from any thread.
public struct RecordMapper: Sendable {
    public let schema: InputSchema
    /// Each column's parsed SqlType, in schema order.
    public let columnTypes: [SQLType]
    private let format: Format

    private enum Format: Sendable {
        case json(JSONRowPlan)
        case csv(rowDelimiter: [UInt8], columnDelimiter: [UInt8])
    }

    /// Checks and prepares `schema`: every SqlType must parse and every JSONPath must be valid.
    public init(schema: InputSchema) throws(RecordMappingConfigurationError) {
        self.schema = schema
        var types: [SQLType] = []
        for column in schema.columns {
            do {
                types.append(try SQLParser.parseType(column.sqlType))
            } catch {
                throw RecordMappingConfigurationError(
                    "Invalid SqlType '\(column.sqlType)' for column \"\(column.name)\": \(error.message)")
            }
        }
        columnTypes = types
        switch schema.format {
        case .json(let recordRowPath):
            format = .json(try JSONRowPlan(recordRowPath: recordRowPath, columns: schema.columns))
        case .csv(let recordDelimiter, let columnDelimiter):
            guard !recordDelimiter.isEmpty, !columnDelimiter.isEmpty else {
                throw RecordMappingConfigurationError("CSV record and column delimiters must not be empty")
            }
            format = .csv(rowDelimiter: Array(recordDelimiter.utf8), columnDelimiter: Array(columnDelimiter.utf8))
        }
    }

    /// The rows of one record, in the order the record holds them.
    public func rows(from record: [UInt8]) -> [MappedRow] {
        switch format {
        case .json(let plan):
            let documents: [RecordJSONValue]
            do {
                documents = try RecordJSONParser.values(of: record)
            } catch {
                return [.error(message: "Unable to parse the record as JSON: \(error.message)",
                               data: HexText.encode(record))]
            }
            return documents.flatMap { document in
                plan.sourceRows(in: document).map { typedRow($0, data: record) }
            }
        case .csv(let rowDelimiter, let columnDelimiter):
            return DelimitedBytes.rows(record, delimiter: rowDelimiter).map { row in
                typedRow(Self.fields(of: row, delimiter: columnDelimiter, count: columnTypes.count), data: row)
            }
        }
    }

    /// The source values of each row of `record` before conversion, for schema discovery's ParsedInputRecords:
    /// JSON values (nil where the path finds nothing) or CSV fields as strings (nil past the row's last field).
    /// Nil when the record is not JSON for a JSON schema.
    func sourceRows(of record: [UInt8]) -> [[SourceField?]]? {
        switch format {
        case .json(let plan):
            guard let documents = try? RecordJSONParser.values(of: record) else { return nil }
            return documents.flatMap { plan.sourceRows(in: $0) }.map { row in row.map { $0.map(SourceField.json) } }
        case .csv(let rowDelimiter, let columnDelimiter):
            return DelimitedBytes.rows(record, delimiter: rowDelimiter).map { row in
                Self.fields(of: row, delimiter: columnDelimiter, count: columnTypes.count)
                    .map { $0.map(SourceField.text) }
            }
        }
    }

    /// One field as the record holds it, before conversion to its column's type.
    enum SourceField {
        case json(RecordJSONValue)
        case text(String)

        /// The field converted to `type`.
        func coerced(to type: SQLType) throws(SQLEvaluationError) -> SQLValue {
            switch self {
            case .json(let value): try FieldCoercion.coerce(value, to: type)
            case .text(let field): try FieldCoercion.coerce(field: field, to: type)
            }
        }

        /// The field's text: a JSON string's characters, a number as written, an object's JSON; nil for null.
        var text: String? {
            switch self {
            case .json(let value): value.fieldText
            case .text(let field): field
            }
        }
    }

    private func typedRow(_ fields: [SourceField?], data: some Sequence<UInt8>) -> MappedRow {
        var values: [SQLValue] = []
        values.reserveCapacity(columnTypes.count)
        for (index, type) in columnTypes.enumerated() {
            guard let field = fields[index] else {
                values.append(.null)
                continue
            }
            do {
                values.append(try field.coerced(to: type))
            } catch {
                return .error(message: "\(error.message) for column \"\(schema.columns[index].name)\"",
                              data: HexText.encode(data))
            }
        }
        return .row(values)
    }

    private func typedRow(_ fields: [RecordJSONValue?], data: [UInt8]) -> MappedRow {
        typedRow(fields.map { $0.map(SourceField.json) }, data: data)
    }

    private func typedRow(_ fields: [String?], data: ArraySlice<UInt8>) -> MappedRow {
        typedRow(fields.map { $0.map(SourceField.text) }, data: data)
    }

    /// The first `count` fields of a CSV row; missing trailing fields are nil and extra fields are dropped.
    private static func fields(of row: ArraySlice<UInt8>, delimiter: [UInt8], count: Int) -> [String?] {
        let pieces = DelimitedBytes.split(row, by: delimiter)
        return (0 ..< count).map { index in
            index < pieces.count ? String(decoding: pieces[index], as: UTF8.self) : nil
        }
    }
}
