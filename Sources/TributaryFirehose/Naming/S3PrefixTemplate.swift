/// A Prefix or ErrorOutputPrefix parsed into literal text and `!{namespace:value}` expressions.
///
/// It exists so a prefix is checked once, when a delivery stream is created or updated, and evaluated for every
/// batch without re-reading the text. The grammar is AWS's: `!{` may only open an expression whose namespace is
/// letters followed by `:` and which closes at the next `}`; namespaces are `timestamp` (a Java DateTimeFormatter
/// pattern), `firehose` (`random-string` or `error-output-type`), `partitionKeyFromQuery` and
/// `partitionKeyFromLambda` (a key name). Any other text, including a lone `!`, `{` or `}`, is literal.
/// Field rules that involve both prefixes or dynamic partitioning live in `PrefixRules`.
public struct S3PrefixTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case timestamp(TimestampPattern)
        case randomString
        case errorOutputType
        case partitionKeyFromQuery(String)
        case partitionKeyFromLambda(String)
    }

    /// The text as configured.
    public let text: String
    /// The field the text was configured in; it decides the default appended to a prefix without expressions.
    public let field: PrefixField
    let segments: [Segment]

    /// Parses `text`; throws `NamingError.invalidPrefix` with AWS's message when an expression is malformed, names
    /// an unknown namespace, or holds a value its namespace does not accept.
    public init(parsing text: String, field: PrefixField = .prefix) throws {
        self.text = text
        self.field = field
        let scalars = Array(text.unicodeScalars)
        var segments: [Segment] = []
        var literal = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            guard scalars[position] == "!", position + 1 < scalars.count, scalars[position + 1] == "{" else {
                literal.append(scalars[position])
                position += 1
                continue
            }
            if !literal.isEmpty {
                segments.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
            let bodyStart = position + 2
            guard let close = scalars[bodyStart...].firstIndex(of: "}") else {
                throw NamingError.invalidExpressionUsage
            }
            segments.append(try Self.expression(scalars[bodyStart..<close], field: field))
            position = close + 1
        }
        if !literal.isEmpty { segments.append(.literal(String(literal))) }
        self.segments = segments
    }

    /// The segment for the body of one `!{…}`, between the braces.
    private static func expression(_ body: ArraySlice<Unicode.Scalar>, field: PrefixField) throws -> Segment {
        guard !body.contains("{"), let colon = body.firstIndex(of: ":"), colon > body.startIndex,
              body[..<colon].allSatisfy(TimestampPattern.isLetter) else {
            throw NamingError.invalidExpressionUsage
        }
        let namespace = String(String.UnicodeScalarView(body[..<colon]))
        let value = String(String.UnicodeScalarView(body[(colon + 1)...]))
        switch namespace {
        case "timestamp":
            do {
                return .timestamp(try TimestampPattern(parsing: value))
            } catch {
                throw NamingError.invalidConversion(in: field)
            }
        case "firehose":
            switch value {
            case "random-string": return .randomString
            case "error-output-type": return .errorOutputType
            default: throw NamingError.invalidConversion(in: field)
            }
        case "partitionKeyFromQuery", "partitionKeyFromLambda":
            guard !value.isEmpty else { throw NamingError.invalidConversion(in: field) }
            return namespace == "partitionKeyFromQuery" ? .partitionKeyFromQuery(value) : .partitionKeyFromLambda(value)
        default:
            throw NamingError.invalidNamespace(namespace)
        }
    }
}

extension S3PrefixTemplate {
    /// True when the text holds at least one `!{…}` expression.
    public var hasExpressions: Bool { segments.contains { if case .literal = $0 { false } else { true } } }

    /// True when the text uses `partitionKeyFromQuery` or `partitionKeyFromLambda`.
    public var usesPartitionKeys: Bool { !partitionKeysFromQuery.isEmpty || !partitionKeysFromLambda.isEmpty }

    public var usesErrorOutputType: Bool { segments.contains(.errorOutputType) }

    public var usesTimestamp: Bool { segments.contains { if case .timestamp = $0 { true } else { false } } }

    public var usesRandomString: Bool { segments.contains(.randomString) }

    /// The key names of `!{partitionKeyFromQuery:…}`, in order of appearance, each once.
    public var partitionKeysFromQuery: [String] {
        uniqueKeys { if case .partitionKeyFromQuery(let key) = $0 { key } else { nil } }
    }

    /// The key names of `!{partitionKeyFromLambda:…}`, in order of appearance, each once.
    public var partitionKeysFromLambda: [String] {
        uniqueKeys { if case .partitionKeyFromLambda(let key) = $0 { key } else { nil } }
    }

    private func uniqueKeys(_ key: (Segment) -> String?) -> [String] {
        var keys: [String] = []
        for segment in segments {
            if let name = key(segment), !keys.contains(name) { keys.append(name) }
        }
        return keys
    }
}
