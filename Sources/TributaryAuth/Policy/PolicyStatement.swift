/// One statement of a policy: its effect, the actions and resources it covers and, in a resource policy, the
/// principals it is about. Built only by `PolicyDocument`'s parser, so every statement has actions and resources.
public struct PolicyStatement: Sendable, Equatable {
    public var sid: String?
    public var effect: PolicyEffect
    /// Nil in identity policies, which apply to whoever holds them.
    public var principal: PolicyPrincipal?
    var actions: PatternClause
    var resources: PatternClause

    /// Whether this statement is about `caller` doing `action` on `resource` (its effect is the caller's to apply).
    func applies(to caller: CallerIdentity, action: String, resource: RequestedResource) -> Bool {
        if let principal, !principal.matches(caller) { return false }
        return actions.matches(action: action) && resources.matches(resource: resource, effect: effect)
    }
}
