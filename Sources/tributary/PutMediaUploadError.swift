#if canImport(Glibc)
import Glibc
#endif

/// Every failure of a PutMedia upload, the one error type of the upload client.
///
/// It exists so the `video put` command can print one line for any failure and exit 1; an ERROR acknowledgement
/// is not among them (it is an answer, printed like every other acknowledgement).
enum PutMediaUploadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered the request with an AWS error instead of 200.
    case httpError(status: Int, errorType: String, message: String)
    /// The endpoint is not an `http://host[:port]` URL.
    case invalidEndpoint(String)
    /// The endpoint's host name did not resolve; `reason` is `gai_strerror`'s text.
    case unresolvableHost(host: String, reason: String)
    /// A system call failed; `errorNumber` is the C `errno`.
    case system(operation: String, errorNumber: Int32)
    /// The input file could not be opened or read.
    case unreadableInput(path: String, errorNumber: Int32)
    /// The server sent nothing for `PutMediaUploadLimits.receiveTimeoutSeconds`.
    case serverSilent(seconds: Int)
    /// The server's answer is not the HTTP/1.1 this client understands.
    case malformedResponse(String)
    /// The server ended its response or closed the connection while the upload was still being sent.
    case closedBeforeUploadEnded

    /// Whether the server answered with an AWS error (as opposed to the exchange failing).
    var isHTTPError: Bool {
        if case .httpError = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .httpError(let status, let errorType, let message):
            return "\(errorType) (HTTP \(status)): \(message)"
        case .invalidEndpoint(let reason):
            return "invalid endpoint: \(reason)"
        case .unresolvableHost(let host, let reason):
            return "cannot resolve \(host): \(reason)"
        case .system(let operation, let errorNumber):
            return "\(operation) failed: \(String(cString: strerror(errorNumber)))"
        case .unreadableInput(let path, let errorNumber):
            return "cannot read \(path): \(String(cString: strerror(errorNumber)))"
        case .serverSilent(let seconds):
            return "the server sent nothing for \(seconds) s"
        case .malformedResponse(let reason):
            return "malformed response from the server: \(reason)"
        case .closedBeforeUploadEnded:
            return "the server ended the response or closed the connection before the upload was complete"
        }
    }
}
