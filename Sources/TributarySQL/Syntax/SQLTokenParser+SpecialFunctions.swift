/// The functions whose arguments are separated by keywords instead of commas. Each is normalized into a plain
/// call as documented on `Expression`, so the binder and the function library see one shape.
extension SQLTokenParser {
    /// Units EXTRACT reads and FLOOR / CEIL round a datetime to.
    static let timeUnits: Set<String> = [
        "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND",
    ]

    /// The normalized call when `name` has a special syntax, or nil to parse it as an ordinary call. The current
    /// token is the opening parenthesis.
    mutating func specialFunctionCall(_ name: Identifier) throws(SQLSyntaxError) -> Expression? {
        let position = name.position
        let arguments: [Expression]
        var callName = name.name
        switch name.name {
        case "EXTRACT":
            advance()
            let unit = try timeUnit()
            try expect("FROM")
            arguments = [unit, try expression()]
        case "FLOOR", "CEIL", "CEILING":
            callName = name.name == "FLOOR" ? "FLOOR" : "CEIL"
            advance()
            let value = try expression()
            arguments = accept("TO") ? [value, try timeUnit()] : [value]
        case "STEP":
            advance()
            let value = try expression()
            try expect("BY")
            arguments = [value, try expression()]
        case "POSITION":
            advance()
            let needle = try additiveExpression()
            try expect("IN")
            let haystack = try expression()
            arguments = accept("FROM") ? [needle, haystack, try expression()] : [needle, haystack]
        case "SUBSTRING":
            advance()
            let value = try expression()
            if accept("FROM") {
                let start = try expression()
                arguments = accept("FOR") ? [value, start, try expression()] : [value, start]
            } else {
                try expect(.comma, orOneOf: ["\"FROM\""])
                arguments = [value] + (try expressionList())
            }
        case "TRIM":
            advance()
            arguments = try trimArguments(position: position)
        case "OVERLAY":
            advance()
            let value = try expression()
            try expect("PLACING")
            let replacement = try expression()
            try expect("FROM")
            let start = try expression()
            arguments = accept("FOR") ? [value, replacement, start, try expression()]
                : [value, replacement, start]
        default:
            return nil
        }
        try expect(.rightParen)
        return .call(FunctionCall(name: callName, arguments: arguments, position: position))
    }

    /// A time unit keyword: `MINUTE` → `.keyword("MINUTE")`.
    private mutating func timeUnit() throws(SQLSyntaxError) -> Expression {
        let token = current
        guard let word = token.word, Self.timeUnits.contains(word) else {
            throw unexpected(["\"YEAR\"", "\"MONTH\"", "\"DAY\"", "\"HOUR\"", "\"MINUTE\"", "\"SECOND\""])
        }
        advance()
        return .keyword(word, token.position)
    }

    /// `[BOTH|LEADING|TRAILING] [characters] FROM value` or `value` → side, characters (default `' '`), value.
    private mutating func trimArguments(position: SourcePosition) throws(SQLSyntaxError) -> [Expression] {
        let space = Expression.literal(.string(" "), position)
        var side = Expression.keyword("BOTH", position)
        if let word = current.word, ["BOTH", "LEADING", "TRAILING"].contains(word) {
            side = .keyword(word, advance().position)
            if accept("FROM") {
                return [side, space, try expression()]
            }
            let characters = try expression()
            try expect("FROM")
            return [side, characters, try expression()]
        }
        let first = try expression()
        if accept("FROM") {
            return [side, first, try expression()]
        }
        return [side, space, first]
    }
}
