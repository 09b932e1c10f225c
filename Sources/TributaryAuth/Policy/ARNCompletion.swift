/// The characters that can follow the known prefix of a `RequestedResource.anyARN`, so that a Deny is applied only
/// when it covers an ARN that could really exist: `arn:aws:kinesisvideo:*:*:stream/door/*` cannot match any
/// completion of `…:stream/cam/` made of digits, although its `*`s could otherwise swallow the prefix.
public enum ARNCompletion: Sendable, Equatable {
    /// A creation time in digits (Kinesis Video ARNs, consumer ARNs after `consumer/<name>:`).
    case creationTime
    /// A resource name: AWS's `[a-zA-Z0-9_.-]+` for streams, delivery streams and applications.
    case name
    /// A Kinesis Video name, `/`, and its creation time.
    case nameAndCreationTime
    /// Any characters (an ARN member the request left out).
    case anything

    func allows(_ scalar: Unicode.Scalar) -> Bool {
        let isDigit = ("0" ... "9").contains(scalar)
        switch self {
        case .creationTime:
            return isDigit
        case .name, .nameAndCreationTime:
            let isName = isDigit || ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == "-"
            return isName || (self == .nameAndCreationTime && scalar == "/")
        case .anything:
            return true
        }
    }
}
