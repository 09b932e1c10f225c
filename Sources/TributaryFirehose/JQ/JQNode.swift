/// One node of a parsed jq program: its form (`JQNodeKind`) and the height of the tree below it.
///
/// A class, so that the tree is shared, not copied, between the `Sendable` program and every run; it is immutable.
/// `height` (1 for a leaf) lets the parser refuse a tree past `JQLimits.programHeightMax` as soon as it is built.
final class JQNode: Sendable {
    let kind: JQNodeKind
    let height: Int

    init(_ kind: JQNodeKind) {
        self.kind = kind
        height = 1 + (kind.children.map(\.height).max() ?? 0)
    }
}
