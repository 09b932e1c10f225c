import TributarySQL

/// The aggregate calls of a SELECT (in its select list, HAVING and ORDER BY), split into plain ones (a GROUP BY
/// query) and windowed ones (`… OVER w`), outermost first; an aggregate nested in another is found by the binder.
struct AggregateAnalysis {
    var aggregateCalls: [FunctionCall] = []
    var windowedCalls: [FunctionCall] = []

    init(select: Select) {
        for item in select.items {
            if case .expression(let expression, _) = item { collect(expression) }
        }
        if let having = select.having { collect(having) }
        for item in select.orderBy { collect(item.expression) }
    }

    private mutating func collect(_ expression: Expression) {
        switch expression {
        case .call(let call) where AggregateLibrary.isAggregate(call.name):
            if call.over != nil { windowedCalls.append(call) } else { aggregateCalls.append(call) }
        case .call(let call):
            call.arguments.forEach { collect($0) }
        case .literal, .column, .keyword:
            break
        case .unary(_, let operand, _), .isNull(let operand, _, _), .cast(let operand, _, _):
            collect(operand)
        case .binary(_, let left, let right, _):
            collect(left)
            collect(right)
        case .between(let operand, let low, let high, _, _):
            [operand, low, high].forEach { collect($0) }
        case .like(let operand, let pattern, let escape, _, _), .similarTo(let operand, let pattern, let escape, _, _):
            ([operand, pattern] + (escape.map { [$0] } ?? [])).forEach { collect($0) }
        case .inList(let operand, let list, _, _):
            ([operand] + list).forEach { collect($0) }
        case .caseWhen(let operand, let branches, let otherwise, _):
            operand.map { collect($0) }
            for branch in branches {
                collect(branch.when)
                collect(branch.then)
            }
            otherwise.map { collect($0) }
        }
    }
}
