import TributaryWire

/// Every failure the Firehose API reports to a client, rendered as AWS's error at the gateway.
///
/// One error type for the module (STYLE.md): the cases are AWS's Firehose exception names, each with the HTTP
/// status AWS sends.
public enum FirehoseError: Error, Sendable, Equatable, ServiceErrorConvertible {
    case invalidArgument(String)
    case resourceNotFound(String)
    case resourceInUse(String)
    case limitExceeded(String)
    case concurrentModification(String)
    case serviceUnavailable(String)
    case invalidKMSResource(String)
    case internalFailure(String)

    public var serviceError: ServiceError {
        switch self {
        case .invalidArgument(let message): ServiceError(code: "InvalidArgumentException", message: message)
        case .resourceNotFound(let message): ServiceError(code: "ResourceNotFoundException", message: message)
        case .resourceInUse(let message): ServiceError(code: "ResourceInUseException", message: message)
        case .limitExceeded(let message): ServiceError(code: "LimitExceededException", message: message)
        case .concurrentModification(let message):
            ServiceError(code: "ConcurrentModificationException", message: message)
        case .serviceUnavailable(let message):
            ServiceError(code: "ServiceUnavailableException", message: message, status: 503)
        case .invalidKMSResource(let message): ServiceError(code: "InvalidKMSResourceException", message: message)
        case .internalFailure(let message): ServiceError(code: "InternalFailure", message: message, status: 500)
        }
    }
}
