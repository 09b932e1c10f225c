/// Why an HTTP exchange produced no response: the peer could not be reached, was too slow, or sent more than
/// the transport keeps. A response with any status, 5xx included, is not a `TransportError`.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Connection refused, DNS failure, TLS failure, connection reset: the request may or may not have arrived.
    case connectionFailed(String)
    /// No complete response within the transport's timeout.
    case timedOut
    /// The task waiting for the response was cancelled.
    case cancelled
    /// The response body passed the transport's bound; the exchange was abandoned.
    case responseTooLarge(bytesMax: Int)
    /// The URL cannot be sent (no scheme or host, or a scheme other than http and https).
    case invalidURL(String)

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        case .responseTooLarge(let bytesMax): "response body larger than \(bytesMax) bytes"
        case .invalidURL(let url): "invalid URL: \(url)"
        }
    }
}
