import TributarySQL

/// FROM: streams, subqueries, and joins of a stream with a reference table or with another stream.
extension QueryCompiler {
    func compileFrom(_ table: TableExpression) throws(CodeValidationError) -> FromPlan {
        switch table {
        case .named(let name, let alias, let window):
            guard let columns = catalog.streams[name.name] else {
                if catalog.tables[name.name] != nil {
                    throw CodeValidationError("Reference table '\(name.name)' can only be joined with a stream",
                                              at: name.position)
                }
                throw CodeValidationError("Object '\(name.name)' not found", at: name.position)
            }
            let streamName = name.name
            return FromPlan(scope: .stream(alias?.name ?? streamName, columns: columns),
                            windowMs: try window.map { w throws(CodeValidationError) in try joinWindow(w) } ?? 0) {
                graph, _, downstream in
                graph.stream(streamName).subscribe(downstream)
            }
        case .subquery(let query, let alias, _):
            let plan = try compile(query)
            return FromPlan(scope: .stream(alias?.name ?? "EXPR$0", columns: plan.columns),
                            instantiate: plan.instantiate)
        case .join(let kind, let left, let right, let condition, let position):
            if case .named(let name, let alias, _) = right, let columns = catalog.tables[name.name] {
                return try tableJoin(kind, stream: compileFrom(left), table: name.name,
                                     qualifier: alias?.name ?? name.name, columns: columns, on: condition,
                                     at: position)
            }
            if case .named(let name, _, _) = left, catalog.tables[name.name] != nil {
                throw CodeValidationError("A reference table must be on the right side of its join with a stream",
                                          at: name.position)
            }
            return try streamJoin(kind, compileFrom(left), compileFrom(right), on: condition, at: position)
        }
    }

    /// `OVER (RANGE INTERVAL … PRECEDING)` after a joined stream.
    func joinWindow(_ window: WindowSpecification) throws(CodeValidationError) -> Int64 {
        guard window.partitionBy.isEmpty, case .range(let interval)? = window.frame else {
            throw CodeValidationError("A joined stream's window must be RANGE INTERVAL … PRECEDING",
                                      at: window.position)
        }
        return try intervalMilliseconds(interval)
    }

    /// The milliseconds of a constant day-time interval expression.
    func intervalMilliseconds(_ expression: Expression) throws(CodeValidationError) -> Int64 {
        let compiled = try ExpressionCompiler(scope: Scope(columns: [])).compile(expression)
        guard case .intervalDayTime(let ms)? = compiled.constant, ms >= 0 else {
            throw CodeValidationError("Expected a constant INTERVAL DAY TO SECOND", at: expression.position)
        }
        return ms
    }

    private func tableJoin(_ kind: JoinKind, stream: FromPlan, table: String, qualifier: String,
                           columns: [ColumnDescription], on condition: Expression?, at position: SourcePosition)
        throws(CodeValidationError) -> FromPlan {
        guard kind == .inner || kind == .left || kind == .cross else {
            throw CodeValidationError("Only INNER and LEFT joins of a stream with a table are supported", at: position)
        }
        let tableScope = Scope.table(qualifier, columns: columns, offset: stream.scope.width)
        let scope = stream.scope.appending(tableScope)
        var streamKeys: [CompiledExpression] = []
        var tableColumns: [Int] = []
        var residual: [Expression] = []
        for conjunct in condition.map(Self.conjuncts) ?? [] {
            if case .binary(.equal, let a, let b, _) = conjunct,
               let (key, column) = equiPair(a, b, stream: stream.scope, table: tableScope)
                ?? equiPair(b, a, stream: stream.scope, table: tableScope) {
                streamKeys.append(key)
                tableColumns.append(column - stream.scope.width)
            } else {
                residual.append(conjunct)
            }
        }
        let rest = try residual.isEmpty ? nil : self.condition(
            residual.dropFirst().reduce(residual[0]) { .binary(.and, $0, $1, $1.position) }, in: scope, clause: "ON")
        if let condition { _ = try self.condition(condition, in: scope, clause: "ON") }
        let width = columns.count
        let equiJoin = TableJoinOperator.EquiJoin(streamKeys: streamKeys, tableColumns: tableColumns)
        return FromPlan(scope: scope) { graph, pump, downstream in
            stream.instantiate(graph, pump, TableJoinOperator(
                table: graph.table(table), tableWidth: width, isLeftJoin: kind == .left, equiJoin: equiJoin,
                residual: rest, environment: graph.environment(pump: pump), downstream: downstream))
        }
    }

    /// `streamExpression = tableColumn`, when the two sides split that way.
    private func equiPair(_ streamSide: Expression, _ tableSide: Expression, stream: Scope, table: Scope)
        -> (CompiledExpression, Int)? {
        guard case .column(let qualifier, let name) = tableSide,
              let column = try? table.resolve(qualifier: qualifier, name: name),
              let key = try? ExpressionCompiler(scope: stream).compile(streamSide)
        else { return nil }
        return (key, column.index)
    }

    static func conjuncts(_ expression: Expression) -> [Expression] {
        if case .binary(.and, let left, let right, _) = expression { return conjuncts(left) + conjuncts(right) }
        return [expression]
    }

    private func streamJoin(_ kind: JoinKind, _ left: FromPlan, _ right: FromPlan, on condition: Expression?,
                            at position: SourcePosition) throws(CodeValidationError) -> FromPlan {
        guard kind == .inner || kind == .cross else {
            throw CodeValidationError("Only INNER joins of two streams are supported", at: position)
        }
        let joinedRowtime = Scope(columns: [Scope.Column(qualifier: nil, name: "ROWTIME", type: .timestamp, index: 0)])
        let scope = joinedRowtime.appending(left.scope.shifted(by: 1))
            .appending(right.scope.shifted(by: 1 + left.scope.width))
        let compiled = try condition.map { e throws(CodeValidationError) in try self.condition(e, in: scope, clause: "ON") }
        return FromPlan(scope: scope) { graph, pump, downstream in
            let join = StreamJoinOperator(leftWindowMs: left.windowMs, rightWindowMs: right.windowMs,
                                          condition: compiled, environment: graph.environment(pump: pump),
                                          downstream: downstream)
            left.instantiate(graph, pump, join.leftPort)
            right.instantiate(graph, pump, join.rightPort)
        }
    }
}
