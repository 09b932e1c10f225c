/// Grammar rules for queries: UNION ALL, SELECT and its clauses.
extension SQLTokenParser {
    /// `term [UNION ALL term ...]` where a term is a SELECT or a parenthesized query.
    mutating func query() throws(SQLSyntaxError) -> Query {
        var result = try queryTerm()
        while accept("UNION") {
            try expect("ALL")
            result = .unionAll(result, try queryTerm())
        }
        return result
    }

    private mutating func queryTerm() throws(SQLSyntaxError) -> Query {
        if accept(.leftParen) {
            let inner = try query()
            try expect(.rightParen, orOneOf: ["\"UNION\""])
            return inner
        }
        guard current.isWord("SELECT") else { throw unexpected(["\"SELECT\"", "\"(\""]) }
        return .select(try select())
    }

    private mutating func select() throws(SQLSyntaxError) -> Select {
        let start = try expect("SELECT").position
        let isStream = accept("STREAM")
        let isDistinct = accept("DISTINCT")
        if !isDistinct {
            _ = accept("ALL")
        }
        let items = try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
            try parser.selectItem()
        }
        try expect("FROM", orOneOf: ["\",\""])
        let from = try tableExpression()
        var whereClause: Expression?
        if accept("WHERE") {
            whereClause = try expression()
        }
        var groupBy: [Expression] = []
        if accept("GROUP") {
            try expect("BY")
            groupBy = try expressionList()
        }
        var having: Expression?
        if accept("HAVING") {
            having = try expression()
        }
        var windows: [NamedWindow] = []
        if accept("WINDOW") {
            windows = try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
                try parser.namedWindow()
            }
        }
        var orderBy: [OrderItem] = []
        if accept("ORDER") {
            try expect("BY")
            orderBy = try orderItems()
        }
        return Select(isStream: isStream, isDistinct: isDistinct, items: items, from: from,
                      whereClause: whereClause, groupBy: groupBy, having: having, windows: windows,
                      orderBy: orderBy, position: start)
    }

    /// `*`, `qualifier.*` or `expression [[AS] alias]`.
    private mutating func selectItem() throws(SQLSyntaxError) -> SelectItem {
        if current.isSymbol(.star) {
            return .all(qualifier: nil, position: advance().position)
        }
        if atIdentifier && peek().isSymbol(.period) && peek(2).isSymbol(.star) {
            let qualifier = try identifier()
            advance()
            advance()
            return .all(qualifier: qualifier, position: qualifier.position)
        }
        let value = try expression()
        return .expression(value, alias: try optionalAlias())
    }

    /// `AS alias` or a bare alias (an identifier that is not a reserved word).
    mutating func optionalAlias() throws(SQLSyntaxError) -> Identifier? {
        if accept("AS") {
            return try identifier()
        }
        return atIdentifier ? try identifier() : nil
    }

    mutating func expressionList() throws(SQLSyntaxError) -> [Expression] {
        try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
            try parser.expression()
        }
    }

    /// `expression [ASC|DESC], ...`.
    mutating func orderItems() throws(SQLSyntaxError) -> [OrderItem] {
        try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
            let value = try parser.expression()
            if parser.accept("DESC") {
                return OrderItem(expression: value, descending: true)
            }
            _ = parser.accept("ASC")
            return OrderItem(expression: value)
        }
    }
}
