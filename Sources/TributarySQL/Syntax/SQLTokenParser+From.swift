/// Grammar rules for the FROM clause: named streams and tables, subqueries and joins.
extension SQLTokenParser {
    /// `reference [join reference [ON condition]] ...`, joins associating to the left; a comma is a cross join.
    mutating func tableExpression() throws(SQLSyntaxError) -> TableExpression {
        var result = try tableReference()
        while true {
            let start = current.position
            guard let kind = try joinKind() else { return result }
            let right = try tableReference()
            var condition: Expression?
            if kind != .cross {
                try expect("ON")
                condition = try expression()
            }
            result = .join(kind, result, right, on: condition, position: start)
        }
    }

    /// Consumes the join keywords if a join follows, returning its kind.
    private mutating func joinKind() throws(SQLSyntaxError) -> JoinKind? {
        if accept(.comma) {
            return .cross
        }
        let kind: JoinKind
        if accept("JOIN") {
            return .inner
        } else if accept("INNER") {
            kind = .inner
        } else if accept("CROSS") {
            kind = .cross
        } else if accept("LEFT") {
            kind = .left
        } else if accept("RIGHT") {
            kind = .right
        } else if accept("FULL") {
            kind = .full
        } else {
            return nil
        }
        if kind != .inner && kind != .cross {
            _ = accept("OUTER")
        }
        try expect("JOIN", orOneOf: kind == .inner || kind == .cross ? [] : ["\"OUTER\""])
        return kind
    }

    /// `name [OVER (window)] [[AS] alias]`, `(query) [[AS] alias]` or `(table expression)`.
    private mutating func tableReference() throws(SQLSyntaxError) -> TableExpression {
        if current.isSymbol(.leftParen) {
            let start = advance().position
            if current.isWord("SELECT") || current.isSymbol(.leftParen) {
                let subquery = try query()
                try expect(.rightParen, orOneOf: ["\"UNION\""])
                return .subquery(subquery, alias: try optionalAlias(), position: start)
            }
            let inner = try tableExpression()
            try expect(.rightParen)
            return inner
        }
        guard atIdentifier else { throw unexpected(["<IDENTIFIER>", "<QUOTED_IDENTIFIER>", "\"(\""]) }
        let name = try identifier()
        var window: WindowSpecification?
        if current.isWord("OVER") {
            let overPosition = advance().position
            try expect(.leftParen)
            window = try windowSpecificationBody(position: overPosition)
        }
        return .named(name: name, alias: try optionalAlias(), window: window)
    }
}
