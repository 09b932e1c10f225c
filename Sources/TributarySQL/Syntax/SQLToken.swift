import Foundation

/// One lexical unit of application code, produced by `SQLLexer` and consumed by `SQLTokenParser`.
///
/// It keeps the text as written so error messages can quote the offending token the way Kinesis Data Analytics
/// does (`Encountered "FORM" at line 3, column 12`).
struct SQLToken: Equatable, Sendable {
    var kind: SQLTokenKind
    /// The token exactly as it appears in the code (for a quoted identifier or string, with its quotes).
    var text: String
    var position: SourcePosition

    /// The unquoted word in upper case when the token is a bare word (keyword or identifier), else nil.
    var word: String? {
        if case .word(let upper) = kind { return upper }
        return nil
    }

    /// Whether the token is the bare word `keyword` (given in upper case).
    func isWord(_ keyword: String) -> Bool { word == keyword }

    func isSymbol(_ symbol: SQLSymbol) -> Bool { kind == .symbol(symbol) }

    /// How the token is quoted in an error message: `"FORM"`, `"<EOF>"`.
    var quotedForMessage: String {
        if kind == .endOfInput { return "\"<EOF>\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What a token is: the lexer's classification of the text.
enum SQLTokenKind: Equatable, Sendable {
    /// An unquoted word, folded to upper case: a keyword or an identifier depending on where it appears.
    case word(String)
    /// A `"quoted"` identifier with its case kept and `""` turned into `"`.
    case quotedIdentifier(String)
    /// A `'string'` literal with `''` turned into `'`.
    case string(String)
    /// An `X'0AFF'` literal's hexadecimal digits.
    case binaryString(String)
    /// An unsigned integer literal's digits.
    case integer(String)
    /// An unsigned exact decimal literal with a point (`1.5`, `.5`, `2.`).
    case decimal(String)
    /// An unsigned approximate literal with an exponent (`1.5E3`).
    case approximate(String)
    case symbol(SQLSymbol)
    case endOfInput
}

/// Punctuation and operators.
enum SQLSymbol: String, Equatable, Sendable {
    case leftParen = "("
    case rightParen = ")"
    case comma = ","
    case period = "."
    case semicolon = ";"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case concatenate = "||"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
