/// Splits application code into tokens, tracking 1-based line and column, skipping whitespace, `--` line comments
/// and `/* */` block comments. Unquoted words are folded to upper case here, so keywords and identifiers compare
/// case-insensitively everywhere after.
struct SQLLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ code: String) {
        scalars = Array(code.unicodeScalars)
    }

    /// Every token of `code`, ending with one `.endOfInput` token.
    static func tokenize(_ code: String) throws(SQLSyntaxError) -> [SQLToken] {
        var lexer = SQLLexer(code)
        var tokens: [SQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        guard let scalar = current else { return }
        index += 1
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func text(from start: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<index])
        return String(result)
    }

    private mutating func next() throws(SQLSyntaxError) -> SQLToken {
        try skipTrivia()
        let start = position
        let startIndex = index
        guard let scalar = current else { return SQLToken(kind: .endOfInput, text: "", position: start) }
        if (scalar == "X" || scalar == "x") && peek(1) == "'" {
            advance()
            let digits = try quoted(by: "'", startingAt: start, what: "binary string literal")
            return SQLToken(kind: .binaryString(digits), text: text(from: startIndex), position: start)
        }
        if scalar.isSQLIdentifierStart {
            while let next = current, next.isSQLIdentifierPart { advance() }
            let word = text(from: startIndex)
            return SQLToken(kind: .word(word.uppercased()), text: word, position: start)
        }
        if scalar == "\"" {
            let name = try quoted(by: "\"", startingAt: start, what: "quoted identifier")
            if name.isEmpty {
                throw SQLSyntaxError("Lexical error at \(start). Zero-length delimited identifier", at: start)
            }
            return SQLToken(kind: .quotedIdentifier(name), text: text(from: startIndex), position: start)
        }
        if scalar == "'" {
            let value = try quoted(by: "'", startingAt: start, what: "string literal")
            return SQLToken(kind: .string(value), text: text(from: startIndex), position: start)
        }
        if scalar.isASCIIDigit || (scalar == "." && peek(1)?.isASCIIDigit == true) {
            return try number(startingAt: start)
        }
        return try symbol(startingAt: start)
    }

    private mutating func skipTrivia() throws(SQLSyntaxError) {
        while let scalar = current {
            if scalar.properties.isWhitespace {
                advance()
            } else if scalar == "-" && peek(1) == "-" {
                while let next = current, next != "\n" { advance() }
            } else if scalar == "/" && peek(1) == "*" {
                let start = position
                advance()
                advance()
                while !(current == "*" && peek(1) == "/") {
                    if current == nil {
                        throw SQLSyntaxError("Lexical error at \(start). Unterminated comment", at: start)
                    }
                    advance()
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    /// Reads a literal delimited by `quote` where a doubled quote stands for one, returning its content.
    private mutating func quoted(by quote: Unicode.Scalar, startingAt start: SourcePosition,
                                 what: String) throws(SQLSyntaxError) -> String {
        advance()
        var content = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                throw SQLSyntaxError("Lexical error at \(start). Unterminated \(what)", at: start)
            }
            advance()
            if scalar == quote {
                guard current == quote else { return String(content) }
                advance()
            }
            content.append(scalar)
        }
    }

    private mutating func number(startingAt start: SourcePosition) throws(SQLSyntaxError) -> SQLToken {
        let startIndex = index
        var sawPoint = false
        while let scalar = current, scalar.isASCIIDigit || (scalar == "." && !sawPoint) {
            if scalar == "." { sawPoint = true }
            advance()
        }
        if let scalar = current, scalar == "E" || scalar == "e" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard current?.isASCIIDigit == true else {
                throw SQLSyntaxError("Lexical error at \(position). Encountered: \(describe(current)) "
                    + "in the exponent of a numeric literal", at: position)
            }
            while current?.isASCIIDigit == true { advance() }
            let text = text(from: startIndex)
            return SQLToken(kind: .approximate(text), text: text, position: start)
        }
        let text = text(from: startIndex)
        return SQLToken(kind: sawPoint ? .decimal(text) : .integer(text), text: text, position: start)
    }

    private mutating func symbol(startingAt start: SourcePosition) throws(SQLSyntaxError) -> SQLToken {
        let first = current
        let second = peek(1)
        let twoCharacter: SQLSymbol? = switch (first, second) {
        case ("|", "|"): .concatenate
        case ("<", ">"), ("!", "="): .notEqual
        case ("<", "="): .lessOrEqual
        case (">", "="): .greaterOrEqual
        default: nil
        }
        if let symbol = twoCharacter {
            advance()
            advance()
            return SQLToken(kind: .symbol(symbol), text: text(from: index - 2), position: start)
        }
        if let first, let symbol = SQLSymbol(rawValue: String(Character(first))) {
            advance()
            return SQLToken(kind: .symbol(symbol), text: symbol.rawValue, position: start)
        }
        throw SQLSyntaxError("Lexical error at \(start). Encountered: \(describe(first))", at: start)
    }

    private func describe(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "<EOF>" }
        return "\"\(Character(scalar))\" (\(scalar.value))"
    }
}

fileprivate extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// Letters and `_` start an unquoted identifier (any Unicode letter is allowed).
    var isSQLIdentifierStart: Bool { properties.isAlphabetic || self == "_" }

    /// Letters, digits, `_` and `$` continue one.
    var isSQLIdentifierPart: Bool { properties.isAlphabetic || isASCIIDigit || self == "_" || self == "$" }
}
