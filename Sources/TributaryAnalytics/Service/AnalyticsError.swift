import TributaryWire

/// Every failure the Kinesis Data Analytics (SQL) API reports to a client, rendered as AWS's error at the gateway.
///
/// One error type for the module: the cases are the exceptions of the kinesisanalytics 2015-08-14 model, all sent
/// with HTTP 400 as AWS does (ServiceUnavailableException, the one 503, is not raised here).
public enum AnalyticsError: Error, Sendable, Equatable, ServiceErrorConvertible {
    /// The application code (or a RecordColumns SqlType) does not compile; the message says where and why.
    case codeValidation(String)
    case resourceNotFound(String)
    case resourceInUse(String)
    case invalidArgument(String)
    case concurrentModification(String)
    case limitExceeded(String)
    case tooManyTags(String)
    case unsupportedOperation(String)
    /// StartApplication (or a restart) found an input or output it cannot use.
    case invalidApplicationConfiguration(String)
    /// DiscoverInputSchema sampled records it could infer no schema from.
    case unableToDetectSchema(String)
    case resourceProvisionedThroughputExceeded(String)

    public var serviceError: ServiceError {
        switch self {
        case .codeValidation(let message): ServiceError(code: "CodeValidationException", message: message)
        case .resourceNotFound(let message): ServiceError(code: "ResourceNotFoundException", message: message)
        case .resourceInUse(let message): ServiceError(code: "ResourceInUseException", message: message)
        case .invalidArgument(let message): ServiceError(code: "InvalidArgumentException", message: message)
        case .concurrentModification(let message):
            ServiceError(code: "ConcurrentModificationException", message: message)
        case .limitExceeded(let message): ServiceError(code: "LimitExceededException", message: message)
        case .tooManyTags(let message): ServiceError(code: "TooManyTagsException", message: message)
        case .unsupportedOperation(let message): ServiceError(code: "UnsupportedOperationException", message: message)
        case .invalidApplicationConfiguration(let message):
            ServiceError(code: "InvalidApplicationConfigurationException", message: message)
        case .unableToDetectSchema(let message): ServiceError(code: "UnableToDetectSchemaException", message: message)
        case .resourceProvisionedThroughputExceeded(let message):
            ServiceError(code: "ResourceProvisionedThroughputExceededException", message: message)
        }
    }
}
