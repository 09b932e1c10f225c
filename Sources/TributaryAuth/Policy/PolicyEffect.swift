/// A statement's `Effect`. A Deny that applies wins over every Allow, in any policy.
public enum PolicyEffect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}
