/// Why a Prefix or ErrorOutputPrefix was refused, or why one could not be rendered for a batch.
///
/// It exists so the API layer can answer CreateDeliveryStream and UpdateDestination with AWS's own
/// InvalidArgumentException wording (`message`), and so the delivery path can tell a record whose partition keys do
/// not fill the prefix (it goes to the error output) from a configuration error.
public enum NamingError: Error, Sendable, Equatable {
    /// The prefix breaks one of AWS's rules; the text is the message AWS sends with InvalidArgumentException.
    case invalidPrefix(String)
    /// The prefix names `!{namespace:key}` but the record carries no value for that key.
    case missingPartitionKey(namespace: String, key: String)
    /// The evaluated prefix is longer than AWS allows (`NamingLimits.evaluatedPrefixLengthMax`).
    case evaluatedPrefixTooLong(field: PrefixField, lengthCharacters: Int)

    /// The text a client sees.
    public var message: String {
        switch self {
        case .invalidPrefix(let message):
            message
        case .missingPartitionKey(let namespace, let key):
            "The prefix expression !{\(namespace):\(key)} has no value for this record."
        case .evaluatedPrefixTooLong(let field, _):
            "Length of evaluated \(field.lengthMessageName) cannot be greater than "
                + "\(NamingLimits.evaluatedPrefixLengthMax)"
        }
    }
}

extension NamingError {
    /// A `!{` that does not open a well-formed `!{namespace:value}` expression.
    static let invalidExpressionUsage = NamingError.invalidPrefix("Invalid expression usage")

    static func invalidNamespace(_ namespace: String) -> NamingError {
        .invalidPrefix("Namespace to the left of colon (\(namespace)) is an invalid keyword!")
    }

    /// A value its namespace does not accept: an unknown firehose value or a bad timestamp pattern.
    static func invalidConversion(in field: PrefixField) -> NamingError {
        .invalidPrefix("Invalid conversion character used in the value of the expression in \(field.name)")
    }

    static let errorOutputTypeInPrefix = NamingError.invalidPrefix(
        "Prefix must not contain any occurrence of !{firehose:error-output-type}")
    static let errorOutputPrefixRequired = NamingError.invalidPrefix(
        "ErrorOutputPrefix cannot be null or empty when Prefix contains expressions")
    static let errorOutputTypeRequired = NamingError.invalidPrefix(
        "ErrorOutputPrefix must contain at least one occurrence of !{firehose:error-output-type}")
    static let partitionNamespaceInErrorPrefix = NamingError.invalidPrefix(
        "Dynamic Partitioning Namespaces can't be part of an error prefix expression")
    static let partitionNamespaceWithoutDynamicPartitioning = NamingError.invalidPrefix(
        "Dynamic Partitioning Namespaces can only be part of a prefix expression when Dynamic Partitioning is enabled.")
    static let partitionNamespaceRequired = NamingError.invalidPrefix(
        "S3 Prefix should contain Dynamic Partitioning namespaces when Dynamic Partitioning is enabled")
}
