/// One named shape of an AWS service model (botocore's `shapes` table), reduced to what request validation uses.
public struct Shape: Sendable {
    public let name: String
    /// Sensitive values (passwords, tokens, URLs with credentials) are never echoed in error messages.
    public let isSensitive: Bool
    let kind: ShapeKind

    init(name: String, kind: ShapeKind, isSensitive: Bool) {
        self.name = name
        self.kind = kind
        self.isSensitive = isSensitive
    }

    /// The members of a structure shape in model order; empty for other shapes.
    public var members: [ShapeMember] {
        guard case .structure(let members) = kind else { return [] }
        return members
    }
}
