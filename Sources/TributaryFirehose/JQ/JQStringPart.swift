/// A piece of a string literal: text, or `\(expression)`.
enum JQStringPart: Sendable {
    case text(String)
    case interpolation(JQNode)
}
