/// Parses the subset of jq into a `JQNode` tree by recursive descent with one token of lookahead.
///
/// Precedence, lowest first, as jq 1.6's grammar: `|` (right), `,`, `//` (right), assignment operators (refused),
/// `or`, `and`, comparisons (non-associative), `+ -`, `* / %`, unary `-`, then postfix terms (`.a`, `[…]`, `?`,
/// `as $x | …`). `if`, `reduce` and `try` start an expression but take no postfix, as in jq 1.6.
///
/// Bounds: recursion is counted (`nesting`) and every node is checked against `JQLimits.programHeightMax` and
/// `JQLimits.programNodesMax` as it is made, so no program text can exhaust the stack or memory of the parser or,
/// later, of the interpreter.
struct JQParser {
    var lexer: JQLexer
    var current: JQToken = .end
    var currentOffset = 0
    /// Names of the variables in scope; a variable's slot is its index here.
    var scope: [String] = []
    var nodeCount = 0
    var nesting = 0

    static let keywords: Set<String> = [
        "as", "def", "if", "then", "elif", "else", "end", "reduce", "foreach", "try", "catch", "label", "import",
        "include", "and", "or", "__loc__",
    ]

    init(_ source: String) throws(JQError) {
        lexer = JQLexer(source)
        try advance()
    }

    /// The whole program; an empty program is `.`, as in jq.
    mutating func parseProgram() throws(JQError) -> JQNode {
        if current == .end { return try make(.identity) }
        let program = try parsePipe()
        guard current == .end else { throw unexpected() }
        return program
    }

    mutating func advance() throws(JQError) {
        (current, currentOffset) = try lexer.next()
    }

    func error(_ message: String) -> JQError {
        lexer.syntaxError(message, at: currentOffset)
    }

    func unexpected() -> JQError {
        error("syntax error, unexpected \(current.quoted)")
    }

    mutating func expect(_ symbol: String) throws(JQError) {
        guard current == .symbol(symbol) else { throw error("syntax error, unexpected \(current.quoted), expecting '\(symbol)'") }
        try advance()
    }

    mutating func expectKeyword(_ keyword: String) throws(JQError) {
        guard current == .identifier(keyword) else {
            throw error("syntax error, unexpected \(current.quoted), expecting '\(keyword)'")
        }
        try advance()
    }

    func isSymbol(_ symbol: String) -> Bool { current == .symbol(symbol) }

    func isKeyword(_ keyword: String) -> Bool { current == .identifier(keyword) }

    /// Builds a node, refusing programs past the size and height bounds.
    mutating func make(_ kind: JQNodeKind) throws(JQError) -> JQNode {
        nodeCount += 1
        guard nodeCount <= JQLimits.programNodesMax else {
            throw error("program too large (more than \(JQLimits.programNodesMax) expressions)")
        }
        let node = JQNode(kind)
        guard node.height <= JQLimits.programHeightMax else {
            throw error("program nested too deeply (more than \(JQLimits.programHeightMax) levels)")
        }
        return node
    }

    /// Counts one level of recursive descent; the caller leaves it with `nesting -= 1`.
    mutating func enter() throws(JQError) {
        nesting += 1
        guard nesting <= JQLimits.programHeightMax else {
            throw error("program nested too deeply (more than \(JQLimits.programHeightMax) levels)")
        }
    }

    mutating func parsePipe() throws(JQError) -> JQNode {
        try enter()
        defer { nesting -= 1 }
        let left = try parseComma()
        guard isSymbol("|") else { return left }
        try advance()
        return try make(.pipe(left, try parsePipe()))
    }

    mutating func parseComma() throws(JQError) -> JQNode {
        var items = [try parseAlternative()]
        while isSymbol(",") {
            try advance()
            items.append(try parseAlternative())
        }
        return items.count == 1 ? items[0] : try make(.comma(items))
    }

    mutating func parseAlternative() throws(JQError) -> JQNode {
        try enter()
        defer { nesting -= 1 }
        let left = try parseOr()
        if case .symbol(let text) = current, ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="].contains(text) {
            throw error("assignment operator '\(text)' is not supported")
        }
        if isSymbol("?//") { throw error("destructuring alternative '?//' is not supported") }
        guard isSymbol("//") else { return left }
        try advance()
        return try make(.alternative(left, try parseAlternative()))
    }

    mutating func parseOr() throws(JQError) -> JQNode {
        var left = try parseAnd()
        while isKeyword("or") {
            try advance()
            left = try make(.or(left, try parseAnd()))
        }
        return left
    }

    mutating func parseAnd() throws(JQError) -> JQNode {
        var left = try parseComparison()
        while isKeyword("and") {
            try advance()
            left = try make(.and(left, try parseComparison()))
        }
        return left
    }

    private func comparisonOperator() -> JQComparisonOperator? {
        guard case .symbol(let text) = current else { return nil }
        return JQComparisonOperator(rawValue: text)
    }

    mutating func parseComparison() throws(JQError) -> JQNode {
        let left = try parseAdditive()
        guard let comparison = comparisonOperator() else { return left }
        try advance()
        let node = try make(.comparison(comparison, left, try parseAdditive()))
        if comparisonOperator() != nil { throw unexpected() }
        return node
    }

    mutating func parseAdditive() throws(JQError) -> JQNode {
        var left = try parseMultiplicative()
        while case .symbol(let text) = current, text == "+" || text == "-" {
            try advance()
            left = try makeArithmetic(text == "+" ? .add : .subtract, left, try parseMultiplicative())
        }
        return left
    }

    mutating func parseMultiplicative() throws(JQError) -> JQNode {
        var left = try parseUnary()
        while case .symbol(let text) = current, let operation = JQArithmeticOperator(rawValue: text),
              operation == .multiply || operation == .divide || operation == .remainder {
            try advance()
            left = try makeArithmetic(operation, left, try parseUnary())
        }
        return left
    }

    /// jq 1.6 divides two number literals while compiling and refuses `1 / 0` then ("Division by zero?").
    private mutating func makeArithmetic(_ operation: JQArithmeticOperator, _ left: JQNode, _ right: JQNode)
        throws(JQError) -> JQNode {
        if operation == .divide, case .literal(.number(let dividend)) = left.kind,
           case .literal(.number(let divisor)) = right.kind {
            let quotient = dividend / divisor
            if divisor == 0, quotient.isInfinite { throw error("Division by zero?") }
            return try make(.literal(.number(quotient)))
        }
        return try make(.arithmetic(operation, left, right))
    }
}
