import TributarySQL

/// One application as the runtime runs it, resolved from its descriptor: code, the streaming input, outputs and
/// reference tables. Kept apart from the API's descriptor so the runtime depends only on what it uses.
struct RunPlan: Sendable {
    struct Input: Sendable {
        var id: String
        /// `<NamePrefix>_001` … one per InputParallelism count.
        var streamNames: [String]
        var schema: InputSchema
        var source: Source
        /// The Lambda function that preprocesses the records (`InputLambdaProcessor.ResourceARN`), if any.
        var processingARN: String? = nil
    }

    enum Source: Sendable, Equatable {
        case kinesisStream(arn: String)
        case deliveryStream(arn: String)
    }

    struct Output: Sendable {
        var streamName: String
        var destination: OutputDestinationTarget
        var format: OutputFormat
    }

    struct Reference: Sendable {
        var tableName: String
        var schema: InputSchema
        var bucketARN: String
        var fileKey: String
    }

    var name: String
    /// The application's ARN (the `applicationArn` of the input preprocessing event).
    var arn: String = ""
    var incarnation: Int64
    var code: String
    var input: Input?
    var outputs: [Output]
    var references: [Reference]

    /// The columns of the input streams: APPROXIMATE_ARRIVAL_TIME, then the schema's columns.
    static func inputColumns(_ schema: InputSchema) throws(CodeValidationError) -> [ColumnDescription] {
        var columns = [ColumnDescription(name: "APPROXIMATE_ARRIVAL_TIME", type: .timestamp)]
        for column in schema.columns {
            do {
                columns.append(ColumnDescription(name: column.name, type: try SQLParser.parseType(column.sqlType)))
            } catch {
                throw CodeValidationError("Invalid SQL type \(column.sqlType) for column \(column.name)", at: nil)
            }
        }
        return columns
    }

    /// Compiles the code against the inputs and reference tables.
    func compile() throws(CodeValidationError) -> CompiledApplication {
        var inputs: [String: [ColumnDescription]] = [:]
        if let input {
            let columns = try Self.inputColumns(input.schema)
            for name in input.streamNames { inputs[name] = columns }
        }
        var tables: [String: [ColumnDescription]] = [:]
        for reference in references {
            tables[reference.tableName] = try Self.inputColumns(reference.schema).dropFirst().map { $0 }
        }
        return try ApplicationCompiler.compile(code: code, inputs: inputs, tables: tables)
    }
}
