import TributaryWire

/// One configured processor of a destination, parsed and checked from ProcessingConfiguration.Processors.
///
/// Whatever order the request lists them in, they run in Firehose's order: decompression, CloudWatch Logs
/// extraction, de-aggregation, Lambda, metadata extraction, delimiter (see `ordered`).
enum ProcessorSettings: Sendable {
    enum SubRecordType: Sendable, Equatable { case json, kpl, delimited([UInt8]) }

    case decompression
    case cloudWatchLogProcessing(extractMessages: Bool)
    case deaggregation(SubRecordType)
    case lambda(arn: String, retries: Int)
    case metadataExtraction(JQProgram)
    case appendDelimiter([UInt8])

    var rank: Int {
        switch self {
        case .decompression: 0
        case .cloudWatchLogProcessing: 1
        case .deaggregation: 2
        case .lambda: 3
        case .metadataExtraction: 4
        case .appendDelimiter: 5
        }
    }

    /// The processors of a ProcessingConfiguration (none when it is absent or disabled), in running order.
    static func list(_ configuration: Document?) throws -> [ProcessorSettings] {
        guard let configuration, try configuration.bool("Enabled") == true else { return [] }
        var result: [ProcessorSettings] = []
        for processor in try configuration.array("Processors") ?? [] {
            let type = try processor.string("Type") ?? ""
            var parameters: [String: String] = [:]
            for parameter in try processor.array("Parameters") ?? [] {
                if let name = try parameter.string("ParameterName"), let value = try parameter.string("ParameterValue") {
                    parameters[name] = value
                }
            }
            result.append(try make(type: type, parameters: parameters))
        }
        return result.sorted { $0.rank < $1.rank }
    }

    private static func make(type: String, parameters: [String: String]) throws -> ProcessorSettings {
        switch type {
        case "Lambda":
            guard let arn = parameters["LambdaArn"] else { throw missing("LambdaArn", type) }
            let retries = try integer(parameters["NumberOfRetries"], name: "NumberOfRetries", range: 0...5) ?? 3
            return .lambda(arn: arn, retries: retries)
        case "MetadataExtraction":
            guard let query = parameters["MetadataExtractionQuery"] else { throw missing("MetadataExtractionQuery", type) }
            guard let engine = parameters["JsonParsingEngine"] else { throw missing("JsonParsingEngine", type) }
            guard engine == "JQ-1.6" else {
                throw FirehoseError.invalidArgument("JsonParsingEngine \(engine) is not supported; use JQ-1.6.")
            }
            do {
                return .metadataExtraction(try JQProgram(query))
            } catch {
                throw FirehoseError.invalidArgument("MetadataExtractionQuery is not a valid JQ expression: \(error)")
            }
        case "RecordDeAggregation":
            switch parameters["SubRecordType"] {
            case "JSON": return .deaggregation(.json)
            case "KPL": return .deaggregation(.kpl)
            case "DELIMITED":
                guard let text = parameters["Delimiter"] else { throw missing("Delimiter", type) }
                guard let delimiter = Base64.decode(text), !delimiter.isEmpty else {
                    throw FirehoseError.invalidArgument("Delimiter must be a base64-encoded string.")
                }
                return .deaggregation(.delimited(delimiter))
            case let other?:
                throw FirehoseError.invalidArgument("SubRecordType \(other) is not supported; use JSON, DELIMITED or KPL.")
            case nil: throw missing("SubRecordType", type)
            }
        case "AppendDelimiterToRecord":
            guard let text = parameters["Delimiter"] else { return .appendDelimiter(Array("\n".utf8)) }
            guard let delimiter = Base64.decode(text) else {
                throw FirehoseError.invalidArgument("Delimiter must be a base64-encoded string.")
            }
            return .appendDelimiter(delimiter)
        case "Decompression":
            let format = parameters["CompressionFormat"] ?? "GZIP"
            guard format == "GZIP" else {
                throw FirehoseError.invalidArgument("CompressionFormat \(format) is not supported for Decompression; use GZIP.")
            }
            return .decompression
        case "CloudWatchLogProcessing":
            return .cloudWatchLogProcessing(extractMessages: parameters["DataMessageExtraction"] == "true")
        default:
            throw FirehoseError.invalidArgument("Processor type \(type) is not supported.")
        }
    }

    private static func missing(_ parameter: String, _ type: String) -> FirehoseError {
        .invalidArgument("Processor of type \(type) requires the parameter \(parameter).")
    }

    private static func integer(_ text: String?, name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw FirehoseError.invalidArgument(
                "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound).")
        }
        return value
    }
}
