/// How a request's path becomes the canonical URI; S3 and every other service differ here.
public enum SigV4URIRule: Sendable, Equatable {
    /// S3: the path exactly as sent (already percent-encoded once), with no normalization: object keys may contain
    /// `//`, `.` and `..` segments that name different objects.
    case s3
    /// Every other service: dot segments and repeated slashes are removed, then the once-encoded path is encoded
    /// again (so `%20` becomes `%2520`).
    case standard
}
