/// IAM's evaluation logic for requests within one account.
///
/// 1. A Deny statement that applies, in any identity or resource policy, denies (identity policies are looked at
///    first, which only decides how the denial is worded).
/// 2. Otherwise an Allow statement that applies, in an identity policy or in a resource policy whose Principal
///    names the caller, allows: within one account either kind suffices.
/// 3. Otherwise the request is implicitly denied.
///
/// A value type with no state beyond the caller's identity policies; safe to share between requests.
public struct PolicyEvaluator: Sendable {
    public var identityPolicies: [PolicyDocument]

    public init(identityPolicies: [PolicyDocument]) {
        self.identityPolicies = identityPolicies
    }

    /// Decides whether `caller` may perform `action` (`kinesis:PutRecord`) on `resource`, given the resource
    /// policies attached to that resource (empty for resources that have none).
    public func decide(caller: CallerIdentity, action: String, resource: RequestedResource,
                       resourcePolicies: [PolicyDocument] = []) -> AccessDecision {
        let sources: [(PolicyKind, [PolicyDocument])] = [(.identity, identityPolicies), (.resource, resourcePolicies)]
        var isAllowed = false
        for (kind, policies) in sources {
            for statement in policies.lazy.flatMap(\.statements)
            where statement.applies(to: caller, action: action, resource: resource) {
                switch statement.effect {
                case .deny: return .explicitlyDenied(by: kind)
                case .allow: isAllowed = true
                }
            }
        }
        return isAllowed ? .allowed : .implicitlyDenied
    }

    /// Like `decide`, throwing AWS's AccessDeniedException unless the request is allowed.
    public func authorize(caller: CallerIdentity, action: String, resource: RequestedResource,
                          resourcePolicies: [PolicyDocument] = []) throws(AccessDeniedError) {
        let decision = decide(caller: caller, action: action, resource: resource, resourcePolicies: resourcePolicies)
        guard decision == .allowed else {
            throw AccessDeniedError(caller: caller, action: action, resource: resource, decision: decision)
        }
    }
}
