import TributarySQL

/// One aggregate call of a query: the function and the argument it folds (nil for COUNT(*)).
struct AggregateSpecification {
    var function: AggregateFunction
    var argument: CompiledExpression?

    /// The value the accumulator receives for a row (COUNT(*) counts every row).
    func input(_ row: [SQLValue], _ context: EvaluationContext) throws -> SQLValue {
        guard let argument else { return .boolean(true) }
        return try argument.evaluate(row, context)
    }
}
