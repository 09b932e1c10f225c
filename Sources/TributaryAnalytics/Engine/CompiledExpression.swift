import TributarySQL

/// An expression after binding: its type, and a closure that computes it over a row. Compiling once to closures
/// keeps the per-row work to the operations themselves (no tree walking, name lookup or pattern compilation).
struct CompiledExpression: Sendable {
    typealias Evaluate = @Sendable (_ row: [SQLValue], _ context: EvaluationContext) throws -> SQLValue

    var type: SQLType
    var evaluate: Evaluate
    /// The value when the expression is a constant (a literal, or made only of constants): lets patterns, formats
    /// and intervals be prepared at compile time.
    var constant: SQLValue?

    init(type: SQLType, constant: SQLValue? = nil, evaluate: @escaping Evaluate) {
        self.type = type
        self.constant = constant
        self.evaluate = evaluate
    }

    static func literal(_ value: SQLValue, type: SQLType) -> CompiledExpression {
        CompiledExpression(type: type, constant: value) { _, _ in value }
    }

    static func column(_ index: Int, type: SQLType) -> CompiledExpression {
        CompiledExpression(type: type) { row, _ in row[index] }
    }
}
