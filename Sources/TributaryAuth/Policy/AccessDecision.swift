/// The outcome of evaluating a request against the policies that apply to it.
public enum AccessDecision: Sendable, Equatable {
    case allowed
    /// No applicable statement allows the request (and none denies it).
    case implicitlyDenied
    /// A Deny statement of a policy of this kind applies.
    case explicitlyDenied(by: PolicyKind)
}
