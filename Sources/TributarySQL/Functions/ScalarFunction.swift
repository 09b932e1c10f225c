/// A resolved scalar function: the type its calls produce (for the binder and the output schema) and the code that
/// computes one value per row. `evaluate` receives the argument values in call order, keyword arguments as
/// `.string(KEYWORD)` in their positions, and throws only `SQLEvaluationError` (the row then goes to `error_stream`).
package struct ScalarFunction: Sendable {
    package let resultType: SQLType
    package let evaluate: @Sendable ([SQLValue], EvaluationContext) throws -> SQLValue

    package init(resultType: SQLType,
                evaluate: @escaping @Sendable ([SQLValue], EvaluationContext) throws -> SQLValue) {
        self.resultType = resultType
        self.evaluate = evaluate
    }

    /// A function that returns NULL as soon as one of its arguments is NULL, and otherwise runs `body`.
    static func nullPropagating(
        _ resultType: SQLType,
        _ body: @escaping @Sendable ([SQLValue], EvaluationContext) throws -> SQLValue
    ) -> ScalarFunction {
        ScalarFunction(resultType: resultType) { values, context in
            if values.contains(where: \.isNull) { return .null }
            return try body(values, context)
        }
    }
}
