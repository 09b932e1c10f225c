/// Grammar rules for the top level of application code: the script and its CREATE STREAM / CREATE PUMP statements.
extension SQLTokenParser {
    mutating func script() throws(SQLSyntaxError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while accept(.semicolon) {}
            if atEnd { break }
            statements.append(try statement())
            if !atEnd {
                try expect(.semicolon, orOneOf: ["\"<EOF>\""])
            }
        }
        guard !statements.isEmpty else {
            throw SQLSyntaxError("Application code contains no statement; expecting CREATE STREAM or CREATE PUMP",
                                 at: current.position)
        }
        return statements
    }

    mutating func expectEnd() throws(SQLSyntaxError) {
        guard atEnd else { throw unexpected(["\"<EOF>\""]) }
    }

    /// `CREATE [OR REPLACE] STREAM ...` or `CREATE [OR REPLACE] PUMP ...`: the only statements application code
    /// may hold.
    mutating func statement() throws(SQLSyntaxError) -> Statement {
        let start = try expect("CREATE").position
        let orReplace = accept("OR")
        if orReplace {
            try expect("REPLACE")
        }
        if accept("STREAM") {
            return .createStream(try createStream(orReplace: orReplace, position: start))
        }
        if accept("PUMP") {
            return .createPump(try createPump(orReplace: orReplace, position: start))
        }
        throw unexpected(orReplace ? ["\"STREAM\"", "\"PUMP\""] : ["\"OR\"", "\"STREAM\"", "\"PUMP\""])
    }

    private mutating func createStream(orReplace: Bool, position: SourcePosition) throws(SQLSyntaxError)
        -> CreateStream {
        let name = try identifier()
        try expect(.leftParen)
        let columns = try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
            try parser.columnDefinition()
        }
        try expect(.rightParen, orOneOf: ["\",\""])
        if accept("DESCRIPTION") {
            guard case .string = current.kind else { throw unexpected(["<STRING>"]) }
            advance()
        }
        return CreateStream(name: name, orReplace: orReplace, columns: columns, position: position)
    }

    private mutating func columnDefinition() throws(SQLSyntaxError) -> ColumnDefinition {
        let name = try identifier()
        let type = try dataType()
        var notNull = false
        if accept("NOT") {
            try expect("NULL")
            notNull = true
        } else {
            _ = accept("NULL")
        }
        return ColumnDefinition(name: name, type: type, notNull: notNull)
    }

    private mutating func createPump(orReplace: Bool, position: SourcePosition) throws(SQLSyntaxError)
        -> CreatePump {
        let name = try identifier()
        _ = accept("STOPPED")
        try expect("AS", orOneOf: ["\"STOPPED\""])
        try expect("INSERT")
        try expect("INTO")
        let target = try identifier()
        var targetColumns: [Identifier]?
        if current.isSymbol(.leftParen) && !peek().isWord("SELECT") && !peek().isSymbol(.leftParen) {
            advance()
            targetColumns = try commaList { (parser: inout SQLTokenParser) throws(SQLSyntaxError) in
                try parser.identifier()
            }
            try expect(.rightParen, orOneOf: ["\",\""])
        }
        let query = try query()
        return CreatePump(name: name, orReplace: orReplace, target: target, targetColumns: targetColumns,
                          query: query, position: position)
    }
}
