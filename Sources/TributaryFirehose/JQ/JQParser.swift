/// Parses the subset of jq into a `JQNode` tree by recursive descent with one token of lookahead.
///
/// Precedence, lowest first, as jq 1.6's grammar: `|` (right), `,`, then the binary operators of `JQBinaryOperator`
/// (assignment operators are refused), unary `-`, then postfix terms (`.a`, `[…]`, `?`, `as $x | …`). `if`,
/// `reduce` and `try` start an expression that takes `?` but no path, as in jq 1.6.
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
    let stack = JQStackBudget()

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
        guard current == .symbol(symbol) else {
            throw error("syntax error, unexpected \(current.quoted), expecting '\(symbol)'")
        }
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

    /// Counts one level of recursive descent (a parenthesis, bracket, brace, or a link of a right-nested chain); the
    /// caller leaves it with `nesting -= 1`. Left-nested chains (`1 + 1 + …`) are loops, bounded by the tree height.
    mutating func enter() throws(JQError) {
        nesting += 1
        guard nesting <= JQLimits.programHeightMax else {
            throw error("program nested too deeply (more than \(JQLimits.programHeightMax) levels)")
        }
        guard !stack.isExhausted else {
            throw error("program nested too deeply (more than \(JQLimits.stackBytesMax) bytes of stack)")
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
        var items = [try parseBinary(JQBinaryOperator.lowestPrecedence)]
        while isSymbol(",") {
            try advance()
            items.append(try parseBinary(JQBinaryOperator.lowestPrecedence))
        }
        return items.count == 1 ? items[0] : try make(.comma(items))
    }

    /// Binary operators by precedence climbing, one frame per operand instead of one per precedence level: `//` is
    /// right-associative, the comparisons do not associate (`1 < 2 < 3` is an error, as in jq), the rest associate
    /// to the left.
    mutating func parseBinary(_ minimumPrecedence: Int) throws(JQError) -> JQNode {
        var left = try parseUnary()
        while true {
            try refuseUnsupportedOperator()
            guard let operation = JQBinaryOperator(current), operation.precedence >= minimumPrecedence else {
                return left
            }
            try advance()
            if operation.isRightAssociative {
                try enter()
                defer { nesting -= 1 }
                left = try makeBinary(operation, left, try parseBinary(operation.precedence))
            } else {
                left = try makeBinary(operation, left, try parseBinary(operation.precedence + 1))
            }
            if operation.isNonAssociative, let next = JQBinaryOperator(current),
               next.precedence == operation.precedence {
                throw unexpected()
            }
        }
    }

    private func refuseUnsupportedOperator() throws(JQError) {
        guard case .symbol(let text) = current else { return }
        if ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="].contains(text) {
            throw error("assignment operator '\(text)' is not supported")
        }
        if text == "?//" { throw error("destructuring alternative '?//' is not supported") }
    }

    private mutating func makeBinary(_ operation: JQBinaryOperator, _ left: JQNode, _ right: JQNode)
        throws(JQError) -> JQNode {
        switch operation {
        case .alternative: try make(.alternative(left, right))
        case .or: try make(.or(left, right))
        case .and: try make(.and(left, right))
        case .comparison(let comparison): try make(.comparison(comparison, left, right))
        case .arithmetic(let arithmetic): try makeArithmetic(arithmetic, left, right)
        }
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
