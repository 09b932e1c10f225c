/// A pattern of IAM's Action and Resource elements: `*` matches any run of characters (the empty one included) and
/// `?` exactly one; every other character matches itself.
///
/// Why a position-set matcher rather than backtracking: the set of pattern positions reachable after a prefix also
/// answers the two questions a name-only request asks (see `RequestedResource.anyARN`): whether the pattern matches
/// *some* (possible) or *every* string that starts with that prefix. Cost is O(candidate × pattern) with no
/// recursion; both lengths are bounded (`PolicyLimits.patternScalarsMax`, and the request's own bound on ARNs).
///
/// Matching is on Unicode scalars. Case-insensitive patterns (actions) fold both sides to lower case first.
struct WildcardPattern: Sendable, Equatable {
    /// The pattern as written in the policy.
    let text: String
    let isCaseInsensitive: Bool
    private let scalars: [Unicode.Scalar]

    init(_ text: String, caseInsensitive: Bool) {
        self.text = text
        self.isCaseInsensitive = caseInsensitive
        scalars = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
    }

    func matches(_ candidate: String) -> Bool {
        reachablePositions(after: candidate)[scalars.count]
    }

    /// True when at least one non-empty continuation of `prefix` made of characters `completion` allows is
    /// matched: a Deny written for one incarnation of a resource applies to a request that names it only by prefix.
    /// From a reachable position, some allowed continuation matches exactly when every literal left in the pattern
    /// is allowed (`*` and `?` take any allowed character).
    func matchesSomeCompletion(ofPrefix prefix: String, completion: ARNCompletion) -> Bool {
        let positions = reachablePositions(after: prefix)
        return scalars.indices.contains { position in
            positions[position] && scalars[position...].allSatisfy { $0 == "*" || $0 == "?" || completion.allows($0) }
        }
    }

    /// True when every non-empty continuation of `prefix` is matched, i.e. a reachable position is followed only by
    /// `*`. Deliberately conservative (`?*` would also qualify but is not recognised), since it decides Allow.
    func matchesEveryCompletion(ofPrefix prefix: String) -> Bool {
        let positions = reachablePositions(after: prefix)
        return scalars.indices.contains { position in
            positions[position] && scalars[position...].allSatisfy { $0 == "*" }
        }
    }

    /// Which pattern positions (0...count, count meaning "whole pattern consumed") can be reached after `input`.
    private func reachablePositions(after input: String) -> [Bool] {
        var current = [Bool](repeating: false, count: scalars.count + 1)
        current[0] = true
        closeOverStars(&current)
        for scalar in (isCaseInsensitive ? input.lowercased() : input).unicodeScalars {
            var next = [Bool](repeating: false, count: scalars.count + 1)
            for position in scalars.indices where current[position] {
                switch scalars[position] {
                case "*": next[position] = true
                case "?": next[position + 1] = true
                case scalar: next[position + 1] = true
                default: break
                }
            }
            closeOverStars(&next)
            current = next
            if !current.contains(true) { break }
        }
        return current
    }

    /// A `*` may match nothing, so reaching it also reaches the position after it (ascending order handles runs).
    private func closeOverStars(_ positions: inout [Bool]) {
        for position in scalars.indices where positions[position] && scalars[position] == "*" {
            positions[position + 1] = true
        }
    }
}
