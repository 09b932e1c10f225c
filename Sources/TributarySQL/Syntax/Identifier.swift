/// A name in SQL after the dialect's case rule: unquoted identifiers are folded to upper case (`ticker_symbol` is
/// `TICKER_SYMBOL`), quoted ones (`"tickerSymbol"`) keep their case and may hold any character (`""` is a quote).
public struct Identifier: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The name after case folding; names compare by this.
    package var name: String
    package var wasQuoted: Bool
    package var position: SourcePosition

    package init(name: String, wasQuoted: Bool, position: SourcePosition) {
        self.name = name
        self.wasQuoted = wasQuoted
        self.position = position
    }

    public var description: String { "\"\(name)\"" }

    // Two identifiers are the same name wherever they were written.
    public static func == (lhs: Identifier, rhs: Identifier) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
