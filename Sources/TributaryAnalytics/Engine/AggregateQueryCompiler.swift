import Foundation
import TributarySQL

/// A SELECT with GROUP BY or aggregates over a stream: a tumbling window. One GROUP BY expression must step with
/// ROWTIME (`STEP(ROWTIME BY INTERVAL …)` or `FLOOR(ROWTIME TO unit)`), or the aggregation would never end.
///
/// Over the aggregated row `[window end, group values…, aggregate values…]`, the select list, HAVING and ORDER BY
/// may use GROUP BY expressions, aggregates, ROWTIME (the window's end) and constants.
struct AggregateQueryCompiler {
    let select: Select
    let from: FromPlan
    let filter: CompiledExpression?
    let items: [(expression: TributarySQL.Expression, name: String)]
    let aggregateCalls: [FunctionCall]

    func compile() throws(CodeValidationError) -> QueryPlan {
        let groupCompiler = ExpressionCompiler(scope: from.scope, clause: "GROUP BY")
        let keys = try select.groupBy.map { e throws(CodeValidationError) in try groupCompiler.compile(e) }
        let keyTexts = select.groupBy.map { ExpressionKey.of($0, in: from.scope) }
        guard let (windowKey, windowEnd) = try window() else {
            throw CodeValidationError(
                "Streaming aggregation requires a GROUP BY expression on ROWTIME, such as STEP(ROWTIME BY INTERVAL '1' MINUTE) or FLOOR(ROWTIME TO MINUTE)",
                at: select.position)
        }
        var specifications: [AggregateSpecification] = []
        var aggregateSlots: [String: Int] = [:]
        let argumentCompiler = ExpressionCompiler(scope: from.scope, clause: "aggregate argument")
        for call in aggregateCalls {
            guard let text = ExpressionKey.of(.call(call), in: from.scope) else {
                // A name that does not resolve: compiling the argument reports it.
                _ = try call.arguments.map { e throws(CodeValidationError) in try argumentCompiler.compile(e) }
                continue
            }
            if aggregateSlots[text] != nil { continue }
            aggregateSlots[text] = specifications.count
            specifications.append(try Self.specification(call, compiler: argumentCompiler))
        }
        let groupCount = keys.count
        let keyTypes = keys.map(\.type)
        let slotTypes = specifications.map(\.function.resultType)
        let scope = from.scope
        let compiler = ExpressionCompiler(scope: Scope(columns: []), substitute: { expression throws(CodeValidationError) in
            if let text = ExpressionKey.of(expression, in: scope) {
                if let index = keyTexts.firstIndex(of: text) { return .column(1 + index, type: keyTypes[index]) }
                if let slot = aggregateSlots[text] { return .column(1 + groupCount + slot, type: slotTypes[slot]) }
            }
            if case .column(let qualifier, let name) = expression {
                let column = try scope.resolve(qualifier: qualifier, name: name)
                if column.name == "ROWTIME" { return .column(0, type: .timestamp) }
                throw CodeValidationError("Expression '\(name.name)' is not being grouped", at: name.position)
            }
            return nil
        })
        let projections = try items.map { item throws(CodeValidationError) in try compiler.compile(item.expression) }
        let having = try select.having.map { e throws(CodeValidationError) in try compiler.compile(e) }
        if let having, having.type != .boolean && having.type != .unknown {
            throw CodeValidationError("HAVING clause must be a condition", at: select.having!.position)
        }
        let ordering = try select.orderBy.map { item throws(CodeValidationError) in
            (try compiler.compile(item.expression), descending: item.descending)
        }
        let columns = zip(items, projections).map { ColumnDescription(name: $0.name, type: $1.type) }
        let source = self.from, rowFilter = self.filter
        return QueryPlan(columns: columns) { graph, pump, downstream in
            let environment = graph.environment(pump: pump)
            let aggregate = TumblingWindowOperator(
                groupKeys: keys, windowKey: windowKey, windowEnd: windowEnd, aggregates: specifications,
                having: having, projections: projections, ordering: ordering, environment: environment,
                downstream: downstream)
            source.instantiate(graph, pump, rowFilter.map {
                FilterOperator(filter: $0, environment: environment, downstream: aggregate)
            } ?? aggregate)
        }
    }

    static func specification(_ call: FunctionCall, compiler: ExpressionCompiler) throws(CodeValidationError)
        -> AggregateSpecification {
        guard call.arguments.count <= 1 else {
            throw CodeValidationError("Invalid number of arguments to function '\(call.name)'. Was expecting 1 arguments",
                                      at: call.position)
        }
        let argument = try call.arguments.first.map { e throws(CodeValidationError) in try compiler.compile(e) }
        do {
            let function = try AggregateLibrary.resolve(name: call.name, argumentType: argument?.type,
                                                        isDistinct: call.isDistinct, isStar: call.isStar)
            return AggregateSpecification(function: function, argument: argument)
        } catch {
            throw CodeValidationError(error.message, at: call.position)
        }
    }

    /// The GROUP BY expression that makes the window, and how its value gives the window's end.
    private func window() throws(CodeValidationError) -> (Int, (SQLValue) -> Int64?)? {
        for (index, expression) in select.groupBy.enumerated() {
            guard case .call(let call) = expression, call.arguments.count == 2, isRowtime(call.arguments[0]) else {
                continue
            }
            switch (call.name, call.arguments[1]) {
            case ("STEP", let interval):
                let width = try QueryCompiler(catalog: RelationCatalog(streams: [:], tables: [:]))
                    .intervalMilliseconds(interval)
                guard width > 0 else { throw CodeValidationError("STEP width must be positive", at: call.position) }
                return (index, { start in
                    guard case .timestamp(let ms) = start else { return nil }
                    return ms + width
                })
            case ("FLOOR", .keyword(let unit, let position)):
                guard let end = Self.unitEnd(unit) else {
                    throw CodeValidationError("FLOOR(ROWTIME TO \(unit)) cannot make a window", at: position)
                }
                return (index, { start in
                    guard case .timestamp(let ms) = start else { return nil }
                    return end(ms)
                })
            default:
                continue
            }
        }
        return nil
    }

    private func isRowtime(_ expression: TributarySQL.Expression) -> Bool {
        guard case .column(let qualifier, let name) = expression,
              let column = try? from.scope.resolve(qualifier: qualifier, name: name) else { return false }
        return column.name == "ROWTIME"
    }

    /// The end of the calendar unit that starts at a floored timestamp.
    static func unitEnd(_ unit: String) -> ((Int64) -> Int64)? {
        let fixed: [String: Int64] = ["SECOND": 1000, "MINUTE": 60_000, "HOUR": 3_600_000, "DAY": 86_400_000,
                                      "WEEK": 7 * 86_400_000]
        if let width = fixed[unit] { return { $0 + width } }
        let months: [String: Int] = ["MONTH": 1, "QUARTER": 3, "YEAR": 12]
        guard let count = months[unit] else { return nil }
        return { start in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = Date(timeIntervalSince1970: Double(start) / 1000)
            let next = calendar.date(byAdding: .month, value: count, to: date) ?? date
            return Int64((next.timeIntervalSince1970 * 1000).rounded())
        }
    }
}
