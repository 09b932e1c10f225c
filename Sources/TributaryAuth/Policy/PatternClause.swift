/// A statement's Action/NotAction or Resource/NotResource element: its patterns and whether the element is the
/// negated form (which matches exactly what none of the patterns matches).
struct PatternClause: Sendable, Equatable {
    var patterns: [WildcardPattern]
    var isNegated: Bool

    /// Whether an action name is covered.
    func matches(action: String) -> Bool {
        patterns.contains { $0.matches(action) } != isNegated
    }

    /// Whether a resource is covered. `.all` (an action with no resource-level permissions) is the resource `*`,
    /// which only a `*` pattern matches, as IAM requires. For a resource known only by prefix, an Allow must
    /// cover every completion and a Deny applies when it covers some (see `RequestedResource.anyARN`).
    func matches(resource: RequestedResource, effect: PolicyEffect) -> Bool {
        switch resource {
        case .all:
            return patterns.contains { $0.matches("*") } != isNegated
        case .arn(let arn):
            return patterns.contains { $0.matches(arn) } != isNegated
        case .anyARN(let prefix, let completion, _):
            // With NotResource the quantifier flips: "every completion matches none" is "no pattern matches some".
            let needsEvery = (effect == .allow) != isNegated
            let covered = patterns.contains { pattern in
                needsEvery ? pattern.matchesEveryCompletion(ofPrefix: prefix)
                    : pattern.matchesSomeCompletion(ofPrefix: prefix, completion: completion)
            }
            return covered != isNegated
        }
    }
}
