import TributaryWire

/// Everything a Data Streams call can fail with, named after the AWS exception it becomes at the gateway.
public enum StreamsError: Error, Sendable, Equatable, ServiceErrorConvertible {
    case resourceNotFound(String)
    case resourceInUse(String)
    case invalidArgument(String)
    case limitExceeded(String)
    case expiredIterator(String)
    case expiredNextToken(String)
    case internalFailure(String)
    case validation(String)
    case provisionedThroughputExceeded(String)
    case kmsNotFound(String)

    public var serviceError: ServiceError {
        switch self {
        case .resourceNotFound(let message): ServiceError(code: "ResourceNotFoundException", message: message)
        case .resourceInUse(let message): ServiceError(code: "ResourceInUseException", message: message)
        case .invalidArgument(let message): ServiceError(code: "InvalidArgumentException", message: message)
        case .limitExceeded(let message): ServiceError(code: "LimitExceededException", message: message)
        case .expiredIterator(let message): ServiceError(code: "ExpiredIteratorException", message: message)
        case .expiredNextToken(let message): ServiceError(code: "ExpiredNextTokenException", message: message)
        case .internalFailure(let message): ServiceError(code: "InternalFailure", message: message, status: 500)
        case .validation(let message): ServiceError(code: "ValidationException", message: message)
        case .kmsNotFound(let message): ServiceError(code: "KMSNotFoundException", message: message)
        case .provisionedThroughputExceeded(let message):
            ServiceError(code: "ProvisionedThroughputExceededException", message: message)
        }
    }
}
