/// Where a policy is attached, which decides whether it must name a Principal and how a denial is worded.
public enum PolicyKind: Sendable, Equatable {
    /// Attached to credentials (the credentials file's `policies`); applies to whoever signs with them.
    case identity
    /// Attached to a resource (Kinesis PutResourcePolicy); applies to the principals it names.
    case resource

    /// How AWS's AccessDenied messages name the policy type, with its article ("an identity-based").
    var wording: String {
        switch self {
        case .identity: "an identity-based"
        case .resource: "a resource-based"
        }
    }
}
