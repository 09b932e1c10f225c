/// Grammar rules for the operands of operators: literals, columns, parentheses, CASE, CAST, function calls and
/// the niladic datetime functions.
extension SQLTokenParser {
    /// Functions written without parentheses that read the clock.
    static let niladicFunctions: Set<String> = [
        "CURRENT_ROW_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
    ]

    mutating func primaryExpression() throws(SQLSyntaxError) -> Expression {
        let token = current
        if let literal = try literalExpression() {
            return literal
        }
        switch token.kind {
        case .symbol(.leftParen):
            advance()
            if current.isWord("SELECT") {
                throw SQLSyntaxError("Scalar subqueries are not supported at \(current.position)",
                                     at: current.position)
            }
            let inner = try expression()
            try expect(.rightParen)
            return try datetimeDifference(inner, position: token.position) ?? inner
        case .word("CASE"):
            return try caseExpression()
        case .word("CAST"):
            return try castExpression()
        case .word(let word) where Self.niladicFunctions.contains(word):
            advance()
            return .call(FunctionCall(name: word, arguments: [], position: token.position))
        case .word(let word) where SQLReservedWords.contains(word):
            throw unexpected(["<expression>"])
        case .word, .quotedIdentifier:
            let name = try identifier()
            if current.isSymbol(.leftParen) {
                return try functionCall(name)
            }
            if accept(.period) {
                return .column(qualifier: name, name: try identifier())
            }
            return .column(qualifier: nil, name: name)
        default:
            throw unexpected(["<expression>"])
        }
    }

    /// `(a - b) unit [TO unit]`, the difference of two datetimes as an interval of that qualifier (as in
    /// `FLOOR((ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)`), written as a CAST of the
    /// subtraction to the interval type; nil when no qualifier follows a parenthesized subtraction.
    private mutating func datetimeDifference(_ inner: Expression, position: SourcePosition) throws(SQLSyntaxError)
        -> Expression? {
        guard case .binary(.subtract, _, _, _) = inner, let word = current.word, SQLIntervalUnit(keyword: word) != nil
        else { return nil }
        let qualifier = try intervalQualifier()
        return .cast(inner, qualifier.isYearMonth ? .intervalYearMonth : .intervalDayTime, position)
    }

    /// `CASE [operand] WHEN ... THEN ... [...] [ELSE ...] END`.
    private mutating func caseExpression() throws(SQLSyntaxError) -> Expression {
        let position = try expect("CASE").position
        let operand = current.isWord("WHEN") ? nil : try expression()
        var branches: [CaseBranch] = []
        repeat {
            try expect("WHEN", orOneOf: branches.isEmpty ? [] : ["\"ELSE\"", "\"END\""])
            let condition = try expression()
            try expect("THEN")
            branches.append(CaseBranch(when: condition, then: try expression()))
        } while current.isWord("WHEN")
        let otherwise = accept("ELSE") ? try expression() : nil
        try expect("END", orOneOf: otherwise == nil ? ["\"WHEN\"", "\"ELSE\""] : [])
        return .caseWhen(operand: operand, branches: branches, otherwise: otherwise, position)
    }

    /// `CAST(expression AS type)`.
    private mutating func castExpression() throws(SQLSyntaxError) -> Expression {
        let position = try expect("CAST").position
        try expect(.leftParen)
        let value = try expression()
        try expect("AS")
        let type = try dataType()
        try expect(.rightParen)
        return .cast(value, type, position)
    }

    /// A call after its name: the special syntaxes of EXTRACT, FLOOR, CEIL, STEP, POSITION, SUBSTRING, TRIM and
    /// OVERLAY, or `name([DISTINCT|ALL] arguments | *) [OVER window]`.
    private mutating func functionCall(_ name: Identifier) throws(SQLSyntaxError) -> Expression {
        if !name.wasQuoted, let special = try specialFunctionCall(name) {
            return special
        }
        try expect(.leftParen)
        var call = FunctionCall(name: name.name, arguments: [], position: name.position)
        if accept("DISTINCT") {
            call.isDistinct = true
        } else {
            _ = accept("ALL")
        }
        if accept(.star) {
            call.isStar = true
        } else if !current.isSymbol(.rightParen) {
            call.arguments = try expressionList()
        }
        try expect(.rightParen, orOneOf: call.isStar ? [] : ["\",\""])
        if accept("OVER") {
            call.over = try overClause()
        }
        return .call(call)
    }
}
