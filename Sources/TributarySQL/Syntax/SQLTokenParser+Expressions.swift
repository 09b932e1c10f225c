/// Grammar rules for operators, from the loosest to the tightest binding: OR, AND, NOT, the predicates
/// (comparison, IS NULL, BETWEEN, LIKE, SIMILAR TO, IN), `+ - ||`, `* /`, and unary `- +`.
extension SQLTokenParser {
    mutating func expression() throws(SQLSyntaxError) -> Expression {
        try nested { parser throws(SQLSyntaxError) in
            var left = try parser.andExpression()
            while parser.accept("OR") {
                left = .binary(.or, left, try parser.andExpression(), left.position)
            }
            return left
        }
    }

    private mutating func andExpression() throws(SQLSyntaxError) -> Expression {
        var left = try notExpression()
        while accept("AND") {
            left = .binary(.and, left, try notExpression(), left.position)
        }
        return left
    }

    private mutating func notExpression() throws(SQLSyntaxError) -> Expression {
        if current.isWord("NOT") {
            let position = advance().position
            return .unary(.not, try nested { parser throws(SQLSyntaxError) in try parser.notExpression() }, position)
        }
        return try predicate()
    }

    private mutating func predicate() throws(SQLSyntaxError) -> Expression {
        var left = try additiveExpression()
        while true {
            let position = left.position
            if let comparison = comparisonOperator() {
                advance()
                left = .binary(comparison, left, try additiveExpression(), position)
            } else if accept("IS") {
                left = try isPredicate(left)
            } else if let negatable = try negatablePredicate(left) {
                left = negatable
            } else {
                return left
            }
        }
    }

    /// `IS [NOT] NULL | TRUE | FALSE | UNKNOWN` after `left`. The truth tests have no node of their own: they are
    /// written as the CASE that has their meaning (`e IS TRUE` is `CASE WHEN e THEN TRUE ELSE FALSE END`, never
    /// null), and `IS UNKNOWN` is `IS NULL`.
    private mutating func isPredicate(_ left: Expression) throws(SQLSyntaxError) -> Expression {
        let negated = accept("NOT")
        let position = left.position
        let token = current
        switch token.word {
        case "NULL", "UNKNOWN":
            advance()
            return .isNull(left, negated: negated, position)
        case "TRUE", "FALSE":
            advance()
            let condition = token.word == "TRUE" ? left : .unary(.not, left, position)
            let branch = CaseBranch(when: condition, then: .literal(.boolean(!negated), token.position))
            return .caseWhen(operand: nil, branches: [branch], otherwise: .literal(.boolean(negated), token.position),
                             position)
        default:
            throw unexpected(["\"NULL\"", "\"TRUE\"", "\"FALSE\"", "\"UNKNOWN\""] + (negated ? [] : ["\"NOT\""]))
        }
    }

    private func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind else { return nil }
        return switch symbol {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// `[NOT] BETWEEN`, `[NOT] LIKE`, `[NOT] SIMILAR TO` or `[NOT] IN` after `left`, or nil when none follows.
    private mutating func negatablePredicate(_ left: Expression) throws(SQLSyntaxError) -> Expression? {
        let keywords = ["BETWEEN", "LIKE", "SIMILAR", "IN"]
        let negated = current.isWord("NOT") && keywords.contains { peek().isWord($0) }
        guard negated || keywords.contains(where: { current.isWord($0) }) else { return nil }
        if negated {
            advance()
        }
        let position = left.position
        if accept("BETWEEN") {
            _ = accept("ASYMMETRIC")
            let low = try additiveExpression()
            try expect("AND")
            let high = try additiveExpression()
            return .between(left, low: low, high: high, negated: negated, position)
        }
        if accept("LIKE") {
            let pattern = try additiveExpression()
            let escape = accept("ESCAPE") ? try additiveExpression() : nil
            return .like(left, pattern: pattern, escape: escape, negated: negated, position)
        }
        if accept("SIMILAR") {
            try expect("TO")
            let pattern = try additiveExpression()
            let escape = accept("ESCAPE") ? try additiveExpression() : nil
            return .similarTo(left, pattern: pattern, escape: escape, negated: negated, position)
        }
        try expect("IN")
        try expect(.leftParen)
        if current.isWord("SELECT") {
            throw SQLSyntaxError("IN with a subquery is not supported at \(current.position)", at: current.position)
        }
        let list = try expressionList()
        try expect(.rightParen, orOneOf: ["\",\""])
        return .inList(left, list, negated: negated, position)
    }

    mutating func additiveExpression() throws(SQLSyntaxError) -> Expression {
        var left = try multiplicativeExpression()
        while true {
            let operation: BinaryOperator
            if accept(.plus) {
                operation = .add
            } else if accept(.minus) {
                operation = .subtract
            } else if accept(.concatenate) {
                operation = .concatenate
            } else {
                return left
            }
            left = .binary(operation, left, try multiplicativeExpression(), left.position)
        }
    }

    private mutating func multiplicativeExpression() throws(SQLSyntaxError) -> Expression {
        var left = try unaryExpression()
        while true {
            let operation: BinaryOperator
            if accept(.star) {
                operation = .multiply
            } else if accept(.slash) {
                operation = .divide
            } else {
                return left
            }
            left = .binary(operation, left, try unaryExpression(), left.position)
        }
    }

    private mutating func unaryExpression() throws(SQLSyntaxError) -> Expression {
        if current.isSymbol(.minus) {
            let position = advance().position
            return .unary(.negate, try nested { parser throws(SQLSyntaxError) in try parser.unaryExpression() },
                          position)
        }
        if current.isSymbol(.plus) {
            let position = advance().position
            return .unary(.plus, try nested { parser throws(SQLSyntaxError) in try parser.unaryExpression() },
                          position)
        }
        return try primaryExpression()
    }
}
