/// Grammar rules for windows: `WINDOW name AS (...)`, `OVER name`, `OVER (...)` and their frames. Kinesis Data
/// Analytics only supports windows that end at the current row, so a frame is its start: `RANGE INTERVAL ...
/// PRECEDING`, `ROWS n PRECEDING`, `UNBOUNDED PRECEDING`, or the same as `BETWEEN start AND CURRENT ROW`.
extension SQLTokenParser {
    /// `name AS (specification)` in the WINDOW clause.
    mutating func namedWindow() throws(SQLSyntaxError) -> NamedWindow {
        let name = try identifier()
        try expect("AS")
        let open = try expect(.leftParen)
        return NamedWindow(name: name, specification: try windowSpecificationBody(position: open.position))
    }

    /// What follows OVER after a call: a window name or a parenthesized specification.
    mutating func overClause() throws(SQLSyntaxError) -> WindowSpecification {
        if current.isSymbol(.leftParen) {
            let open = advance()
            return try windowSpecificationBody(position: open.position)
        }
        guard atIdentifier else { throw unexpected(["<IDENTIFIER>", "\"(\""]) }
        let name = try identifier()
        return WindowSpecification(reference: name, position: name.position)
    }

    /// `[name] [PARTITION BY ...] [ORDER BY ...] [frame] )`, after its opening parenthesis.
    mutating func windowSpecificationBody(position: SourcePosition) throws(SQLSyntaxError) -> WindowSpecification {
        var specification = WindowSpecification(position: position)
        if atIdentifier {
            specification.reference = try identifier()
        }
        if accept("PARTITION") {
            try expect("BY")
            specification.partitionBy = try expressionList()
        }
        if accept("ORDER") {
            try expect("BY")
            specification.orderBy = try orderItems()
        }
        if accept("RANGE") {
            specification.frame = try frame(rows: false)
        } else if accept("ROWS") {
            specification.frame = try frame(rows: true)
        }
        try expect(.rightParen, orOneOf: specification.frame == nil ? ["\"RANGE\"", "\"ROWS\""] : [])
        return specification
    }

    private mutating func frame(rows: Bool) throws(SQLSyntaxError) -> WindowFrame {
        guard accept("BETWEEN") else { return try frameStart(rows: rows) }
        let start = try frameStart(rows: rows)
        try expect("AND")
        try expect("CURRENT")
        try expect("ROW")
        return start
    }

    /// `UNBOUNDED PRECEDING`, `CURRENT ROW`, `n PRECEDING` (ROWS) or `interval PRECEDING` (RANGE).
    private mutating func frameStart(rows: Bool) throws(SQLSyntaxError) -> WindowFrame {
        if accept("UNBOUNDED") {
            try expect("PRECEDING")
            return .unbounded
        }
        if current.isWord("CURRENT") {
            let token = advance()
            try expect("ROW")
            return rows ? .rows(0) : .range(.literal(.intervalDayTime(milliseconds: 0), token.position))
        }
        if rows {
            let token = current
            guard case .integer(let digits) = token.kind else {
                throw unexpected(["<UNSIGNED_INTEGER_LITERAL>", "\"UNBOUNDED\"", "\"CURRENT\""])
            }
            guard let count = Int(digits) else {
                throw Self.invalid("Window size \(digits) is out of range", at: token)
            }
            advance()
            try expect("PRECEDING")
            return .rows(count)
        }
        guard current.isWord("INTERVAL") else {
            throw unexpected(["\"INTERVAL\"", "\"UNBOUNDED\"", "\"CURRENT\""])
        }
        let size = try additiveExpression()
        try expect("PRECEDING")
        return .range(size)
    }
}
