/// One token of a jq program, as `JQLexer` reads it.
///
/// String literals are not tokens: at `stringStart` the parser reads the string itself (`JQLexer.readStringPart`),
/// because `\(…)` inside a string holds a whole expression.
enum JQToken: Equatable, Sendable {
    case end
    /// `.` alone (identity, or the start of `."name"` and `.[…]`).
    case dot
    /// `..` (recursion, which the subset does not support).
    case dotDot
    /// `.name`: a field written with its dot and no space.
    case field(String)
    /// A name: a builtin, a keyword (`if`, `reduce`, `and`, …) or `true`/`false`/`null`.
    case identifier(String)
    /// `$name`.
    case variable(String)
    case number(Double)
    /// `@name`.
    case format(String)
    /// `"`: a string literal starts.
    case stringStart
    /// Punctuation and operators: `[ ] { } ( ) | , : ; ?` and `+ - * / % == != < <= > >= // = |= += -= *= /= %= //=`.
    case symbol(String)

    /// How the token reads in an error message.
    var quoted: String {
        switch self {
        case .end: "end of program"
        case .dot: "'.'"
        case .dotDot: "'..'"
        case .field(let name): "'.\(name)'"
        case .identifier(let name): "'\(name)'"
        case .variable(let name): "'$\(name)'"
        case .number(let number): "'\(JQNumberText.text(number))'"
        case .format(let name): "'@\(name)'"
        case .stringStart: "string"
        case .symbol(let text): "'\(text)'"
        }
    }
}
