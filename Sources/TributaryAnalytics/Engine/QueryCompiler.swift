import TributarySQL

/// Compiles a query (SELECT STREAM …, UNION ALL, subqueries) into a `QueryPlan`: resolves names, checks types and
/// picks the operators: projection, tumbling GROUP BY, sliding windows, and joins with tables or streams.
struct QueryCompiler {
    let catalog: RelationCatalog

    func compile(_ query: Query) throws(CodeValidationError) -> QueryPlan {
        switch query {
        case .select(let select):
            return try compile(select)
        case .unionAll(let first, let second):
            let left = try compile(first), right = try compile(second)
            guard left.columns.count == right.columns.count else {
                throw CodeValidationError("Column count mismatch in UNION ALL", at: nil)
            }
            return QueryPlan(columns: left.columns) { graph, pump, downstream in
                left.instantiate(graph, pump, downstream)
                right.instantiate(graph, pump, downstream)
            }
        }
    }

    func compile(_ select: Select) throws(CodeValidationError) -> QueryPlan {
        guard select.isStream else {
            throw CodeValidationError("Only SELECT STREAM queries can feed a stream", at: select.position)
        }
        guard !select.isDistinct else {
            throw CodeValidationError("SELECT STREAM DISTINCT is not allowed; use GROUP BY with a window",
                                      at: select.position)
        }
        let from = try compileFrom(select.from)
        let filter = try select.whereClause.map { e throws(CodeValidationError) in
            try condition(e, in: from.scope, clause: "WHERE")
        }
        let items = try selectItems(select, scope: from.scope)
        let analysis = AggregateAnalysis(select: select)
        if !select.groupBy.isEmpty || !analysis.aggregateCalls.isEmpty {
            return try AggregateQueryCompiler(select: select, from: from, filter: filter, items: items,
                                              aggregateCalls: analysis.aggregateCalls).compile()
        }
        if !analysis.windowedCalls.isEmpty {
            return try WindowQueryCompiler(select: select, from: from, filter: filter, items: items,
                                           windowedCalls: analysis.windowedCalls).compile()
        }
        if let having = select.having {
            throw CodeValidationError("HAVING requires GROUP BY", at: having.position)
        }
        try requireRowtimeOrdering(select, scope: from.scope)
        let compiler = ExpressionCompiler(scope: from.scope)
        let projections = try items.map { item throws(CodeValidationError) in try compiler.compile(item.expression) }
        let columns = zip(items, projections).map { ColumnDescription(name: $0.name, type: $1.type) }
        return QueryPlan(columns: columns) { graph, pump, downstream in
            from.instantiate(graph, pump, ProjectOperator(filter: filter, projections: projections,
                                                          environment: graph.environment(pump: pump),
                                                          downstream: downstream))
        }
    }

    /// A condition: compiled over `scope`, and BOOLEAN.
    func condition(_ expression: Expression, in scope: Scope, clause: String) throws(CodeValidationError)
        -> CompiledExpression {
        let compiled = try ExpressionCompiler(scope: scope, clause: clause).compile(expression)
        guard compiled.type == .boolean || compiled.type == .unknown else {
            throw CodeValidationError("\(clause) clause must be a condition", at: expression.position)
        }
        return compiled
    }

    /// The select list with `*` expanded and every item named (alias, column name, or `EXPR$n`).
    func selectItems(_ select: Select, scope: Scope) throws(CodeValidationError) -> [(expression: Expression, name: String)] {
        var items: [(expression: Expression, name: String)] = []
        for item in select.items {
            switch item {
            case .all(let qualifier, let position):
                for column in try scope.star(qualifier) {
                    let name = Identifier(name: column.name, wasQuoted: true, position: position)
                    let relation = column.qualifier.map { Identifier(name: $0, wasQuoted: true, position: position) }
                    items.append((.column(qualifier: relation, name: name), column.name))
                }
            case .expression(let expression, let alias):
                let name: String
                if let alias {
                    name = alias.name
                } else if case .column(_, let column) = expression {
                    name = column.name
                } else {
                    name = "EXPR$\(items.count)"
                }
                items.append((expression, name))
            }
        }
        return items
    }

    /// A stream query without aggregation is already in ROWTIME order; ORDER BY may only say so.
    private func requireRowtimeOrdering(_ select: Select, scope: Scope) throws(CodeValidationError) {
        guard let first = select.orderBy.first else { return }
        if case .column(let qualifier, let name) = first.expression, name.name == "ROWTIME", !first.descending,
           (try? scope.resolve(qualifier: qualifier, name: name)) != nil, select.orderBy.count == 1 {
            return
        }
        throw CodeValidationError("Streaming ORDER BY must start with a monotonic expression",
                                  at: first.expression.position)
    }
}
