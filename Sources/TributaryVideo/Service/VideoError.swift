import TributaryWire

/// Every failure the Kinesis Video Streams control plane reports to a client, rendered as AWS's error at the
/// gateway.
///
/// One error type for the module's control plane: the cases are the exceptions of the kinesisvideo 2017-09-30 model
/// that this server raises, each with the model's `httpStatusCode` (404 for a missing stream, 401 for an
/// authorization failure, 400 otherwise). AWS's error bodies carry the text in a `Message` member.
public enum VideoError: Error, Sendable, Equatable, ServiceErrorConvertible {
    /// A request AWS refuses as invalid, including the model's constraint failures (Kinesis Video has no
    /// ValidationException: its model answers them as InvalidArgumentException).
    case invalidArgument(String)
    case resourceNotFound(String)
    case resourceInUse(String)
    /// The CurrentVersion given is not the stream's version.
    case versionMismatch(String)
    case accountStreamLimitExceeded(String)
    case tagsPerResourceExceededLimit(String)
    /// A StreamARN that names something other than a stream (tagging operations).
    case invalidResourceFormat(String)
    /// An ARN of another account.
    case notAuthorized(String)
    /// Image generation or notifications asked of a stream that keeps no data.
    case noDataRetention(String)

    public var serviceError: ServiceError {
        switch self {
        case .invalidArgument(let message): ServiceError(code: "InvalidArgumentException", message: message)
        case .resourceNotFound(let message):
            ServiceError(code: "ResourceNotFoundException", message: message, status: 404)
        case .resourceInUse(let message): ServiceError(code: "ResourceInUseException", message: message)
        case .versionMismatch(let message): ServiceError(code: "VersionMismatchException", message: message)
        case .accountStreamLimitExceeded(let message):
            ServiceError(code: "AccountStreamLimitExceededException", message: message)
        case .tagsPerResourceExceededLimit(let message):
            ServiceError(code: "TagsPerResourceExceededLimitException", message: message)
        case .invalidResourceFormat(let message):
            ServiceError(code: "InvalidResourceFormatException", message: message)
        case .notAuthorized(let message): ServiceError(code: "NotAuthorizedException", message: message, status: 401)
        case .noDataRetention(let message): ServiceError(code: "NoDataRetentionException", message: message)
        }
    }
}
