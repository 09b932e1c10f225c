/// The resource an operation acts on, as policies are matched against it.
public enum RequestedResource: Sendable, Equatable {
    /// An operation without resource-level permissions (ListStreams, DescribeLimits, …): only `"Resource": "*"`
    /// covers it, and AWS's AccessDenied message names no resource.
    case all
    /// A resource named by its full ARN.
    case arn(String)
    /// A resource known only up to a prefix of its ARN: a Kinesis Video stream or signaling channel given by name
    /// (their ARNs end in a creation time), a consumer given by stream ARN and consumer name (its ARN ends in a
    /// creation timestamp), or a stream a request fails to name. An Allow must cover *every* ARN with this prefix
    /// (`stream/cam/*` does, `stream/cam/1700000000000` does not); a Deny applies when it covers *any*, so denying
    /// one incarnation cannot be escaped by calling by name. `shownAs` is how AccessDenied names it (Kinesis Video
    /// names a stream given by name by its bare name). `completion` says what can follow the prefix.
    case anyARN(withPrefix: String, completion: ARNCompletion, shownAs: String)

    /// The resource as AccessDenied messages print it; nil for `.all`, where they name none.
    var shownName: String? {
        switch self {
        case .all: nil
        case .arn(let arn): arn
        case .anyARN(_, _, let shownAs): shownAs
        }
    }
}
