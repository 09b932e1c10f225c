import TributarySQL

/// A SELECT with windowed aggregates (`AVG(price) OVER w`): sliding windows, one output row per input row. Calls
/// sharing a window (same partitioning and frame) share its state.
struct WindowQueryCompiler {
    let select: Select
    let from: FromPlan
    let filter: CompiledExpression?
    let items: [(expression: Expression, name: String)]
    let windowedCalls: [FunctionCall]

    func compile() throws(CodeValidationError) -> QueryPlan {
        if !select.orderBy.isEmpty || select.having != nil {
            throw CodeValidationError("ORDER BY and HAVING are not allowed with windowed aggregates",
                                      at: select.position)
        }
        let named = Dictionary(select.windows.map { ($0.name.name, $0.specification) }) { first, _ in first }
        let argumentCompiler = ExpressionCompiler(scope: from.scope, clause: "aggregate argument")
        var windows: [SlidingWindowOperator.Window] = []
        var windowIndex: [String: Int] = [:]
        var slots: [String: Int] = [:]
        var slotTypes: [SQLType] = []
        for call in windowedCalls {
            let specification = try resolve(call.over!, named: named)
            var plain = call
            plain.over = nil
            guard let callText = ExpressionKey.of(.call(plain), in: from.scope) else {
                _ = try call.arguments.map { e throws(CodeValidationError) in try argumentCompiler.compile(e) }
                continue
            }
            let partitionTexts = specification.partitionBy.map { ExpressionKey.of($0, in: from.scope) ?? "?" }
            let frame = try self.frame(specification)
            let windowText = "\(partitionTexts)|\(frame)"
            let slotText = "\(callText)|\(windowText)"
            if slots[slotText] != nil { continue }
            let aggregate = try AggregateQueryCompiler.specification(plain, compiler: argumentCompiler)
            if windowIndex[windowText] == nil {
                windowIndex[windowText] = windows.count
                let partitionBy = try specification.partitionBy.map { e throws(CodeValidationError) in
                    try ExpressionCompiler(scope: from.scope, clause: "PARTITION BY").compile(e)
                }
                windows.append(SlidingWindowOperator.Window(partitionBy: partitionBy, frame: frame, aggregates: []))
            }
            slots[slotText] = slotTypes.count
            windows[windowIndex[windowText]!].aggregates.append((slotTypes.count, aggregate))
            slotTypes.append(aggregate.function.resultType)
        }
        let scope = from.scope
        let base = from.scope.width
        let compiler = ExpressionCompiler(scope: scope, substitute: { expression throws(CodeValidationError) in
            guard case .call(let call) = expression, let over = call.over else { return nil }
            var plain = call
            plain.over = nil
            let specification = try resolve(over, named: named)
            let partitionTexts = specification.partitionBy.map { ExpressionKey.of($0, in: scope) ?? "?" }
            let key = "\(ExpressionKey.of(.call(plain), in: scope) ?? "")|\(partitionTexts)|\(try frame(specification))"
            guard let slot = slots[key] else { return nil }
            return .column(base + slot, type: slotTypes[slot])
        })
        let projections = try items.map { item throws(CodeValidationError) in try compiler.compile(item.expression) }
        let columns = zip(items, projections).map { ColumnDescription(name: $0.name, type: $1.type) }
        let source = self.from, rowFilter = self.filter, slotCount = slotTypes.count
        return QueryPlan(columns: columns) { graph, pump, downstream in
            let environment = graph.environment(pump: pump)
            let project = ProjectOperator(filter: nil, projections: projections, environment: environment,
                                          downstream: downstream)
            let sliding = SlidingWindowOperator(windows: windows, slotCount: slotCount, environment: environment,
                                                downstream: project)
            source.instantiate(graph, pump, rowFilter.map {
                FilterOperator(filter: $0, environment: environment, downstream: sliding)
            } ?? sliding)
        }
    }

    /// `OVER name`, `OVER (name …)` or an inline specification, with the named window's parts filled in.
    private func resolve(_ specification: WindowSpecification, named: [String: WindowSpecification])
        throws(CodeValidationError) -> WindowSpecification {
        guard let reference = specification.reference else { return specification }
        guard var base = named[reference.name] else {
            throw CodeValidationError("Window '\(reference.name)' not found", at: reference.position)
        }
        if !specification.partitionBy.isEmpty { base.partitionBy = specification.partitionBy }
        if let frame = specification.frame { base.frame = frame }
        return base
    }

    private func frame(_ specification: WindowSpecification) throws(CodeValidationError) -> SlidingWindowOperator.Frame {
        switch specification.frame {
        case .range(let interval)?:
            let compiler = QueryCompiler(catalog: RelationCatalog(streams: [:], tables: [:]))
            return .range(milliseconds: try compiler.intervalMilliseconds(interval))
        case .rows(let count)?:
            return .rows(count)
        case .unbounded?, nil:
            return .unbounded
        }
    }
}

extension SlidingWindowOperator.Frame: CustomStringConvertible {
    var description: String {
        switch self {
        case .range(let ms): "RANGE \(ms)"
        case .rows(let count): "ROWS \(count)"
        case .unbounded: "UNBOUNDED"
        }
    }
}
