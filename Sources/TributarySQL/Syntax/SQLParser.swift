/// The entry point to the Kinesis Data Analytics SQL dialect's syntax: turns application code, an expression or a
/// RecordColumns `SqlType` into the AST (`Statement`, `Expression`, `SQLType`), or throws an `SQLSyntaxError`
/// carrying the position and a Calcite-like message (`Encountered "FORM" at line 3, column 12. Was expecting: ...`).
public enum SQLParser {
    /// Parses application code: CREATE STREAM and CREATE PUMP statements separated by semicolons (the last one
    /// optional), with `--` and `/* */` comments. Code without any statement is an error.
    public static func parse(_ code: String) throws(SQLSyntaxError) -> [Statement] {
        var parser = try SQLTokenParser(code)
        return try parser.script()
    }

    /// Parses one scalar expression, such as `price * 2 > 10 AND sector SIMILAR TO '%TECH%'`.
    package static func parseExpression(_ text: String) throws(SQLSyntaxError) -> Expression {
        var parser = try SQLTokenParser(text)
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }

    /// Parses a type as RecordColumns' `SqlType` and CAST write it: `VARCHAR(4)`, `DECIMAL(8,2)`, `DOUBLE`,
    /// `INTERVAL DAY TO SECOND` (case-insensitive).
    package static func parseType(_ text: String) throws(SQLSyntaxError) -> SQLType {
        var parser = try SQLTokenParser(text)
        let type = try parser.dataType()
        try parser.expectEnd()
        return type
    }
}
