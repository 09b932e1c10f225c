/// The recursive-descent parser's state: the tokens of one piece of code and a cursor over them, with the helpers
/// every grammar rule uses to look ahead, consume tokens and report Calcite-style errors. The grammar rules live in
/// the extensions in `SQLTokenParser+*.swift`.
struct SQLTokenParser {
    private let tokens: [SQLToken]
    private var index = 0
    /// How deep the grammar rules that call themselves (expressions, NOT, unary signs) are nested now.
    private var nesting = 0

    /// Deepest nesting accepted. The parser recurses once per level, and it runs on the server's threads, whose
    /// stacks are small: without a bound, deeply nested code that fits in ApplicationCode's 102,400 characters
    /// overflowed the stack (found by `Fuzz/FuzzSQLParser`). Real queries nest a few levels.
    static let nestingMax = 128

    init(_ code: String) throws(SQLSyntaxError) {
        tokens = try SQLLexer.tokenize(code)
    }

    var current: SQLToken { tokens[index] }

    func peek(_ offset: Int = 1) -> SQLToken { tokens[min(index + offset, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .endOfInput }

    @discardableResult
    mutating func advance() -> SQLToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Runs one nested grammar rule, or fails when the code nests deeper than `nestingMax`.
    mutating func nested<Result>(_ rule: (inout SQLTokenParser) throws(SQLSyntaxError) -> Result)
        throws(SQLSyntaxError) -> Result {
        guard nesting < Self.nestingMax else {
            throw SQLSyntaxError("Expression nested more than \(Self.nestingMax) levels deep", at: current.position)
        }
        nesting += 1
        defer { nesting -= 1 }
        return try rule(&self)
    }

    // MARK: Words and symbols

    /// Consumes the bare word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        guard current.isWord(keyword) else { return false }
        advance()
        return true
    }

    mutating func accept(_ symbol: SQLSymbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes the bare word `keyword` or fails naming it (and `alternatives`) as expected.
    @discardableResult
    mutating func expect(_ keyword: String, orOneOf alternatives: [String] = []) throws(SQLSyntaxError) -> SQLToken {
        guard current.isWord(keyword) else { throw unexpected(["\"\(keyword)\""] + alternatives) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ symbol: SQLSymbol, orOneOf alternatives: [String] = []) throws(SQLSyntaxError) -> SQLToken {
        guard current.isSymbol(symbol) else { throw unexpected(["\"\(symbol.rawValue)\""] + alternatives) }
        return advance()
    }

    // MARK: Identifiers

    /// Whether the next token can be read as an identifier: a quoted one or a word that is not reserved.
    var atIdentifier: Bool {
        switch current.kind {
        case .quotedIdentifier: true
        case .word(let word): !SQLReservedWords.contains(word)
        default: false
        }
    }

    mutating func identifier() throws(SQLSyntaxError) -> Identifier {
        let token = current
        switch token.kind {
        case .quotedIdentifier(let name):
            advance()
            return Identifier(name: name, wasQuoted: true, position: token.position)
        case .word(let word) where !SQLReservedWords.contains(word):
            advance()
            return Identifier(name: word, wasQuoted: false, position: token.position)
        default:
            throw unexpected(["<IDENTIFIER>", "<QUOTED_IDENTIFIER>"])
        }
    }

    /// A comma-separated list of at least one element read by `element`.
    mutating func commaList<Element>(
        _ element: (inout SQLTokenParser) throws(SQLSyntaxError) -> Element
    ) throws(SQLSyntaxError) -> [Element] {
        var elements = [try element(&self)]
        while accept(.comma) {
            elements.append(try element(&self))
        }
        return elements
    }

    // MARK: Errors

    /// The error for the current token when one of `expected` should have been there.
    func unexpected(_ expected: [String]) -> SQLSyntaxError {
        Self.unexpected(current, expected: expected)
    }

    static func unexpected(_ token: SQLToken, expected: [String]) -> SQLSyntaxError {
        var message = "Encountered \(token.quotedForMessage) at \(token.position)."
        switch expected.count {
        case 0: break
        case 1: message += " Was expecting: \(expected[0])"
        default: message += " Was expecting one of: " + expected.joined(separator: ", ")
        }
        return SQLSyntaxError(message, at: token.position)
    }

    /// An error about a token that is well placed but whose content is wrong (an invalid literal, a bad length).
    static func invalid(_ message: String, at token: SQLToken) -> SQLSyntaxError {
        SQLSyntaxError("\(message) at \(token.position)", at: token.position)
    }
}
