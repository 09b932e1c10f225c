import TributarySQL

/// WHERE and the select list of a query without aggregation: keeps the rows the filter accepts and computes the
/// output columns, keeping the input's ROWTIME.
final class ProjectOperator: RowSink {
    let filter: CompiledExpression?
    let projections: [CompiledExpression]
    let environment: OperatorEnvironment
    let downstream: RowSink

    init(filter: CompiledExpression?, projections: [CompiledExpression], environment: OperatorEnvironment,
         downstream: RowSink) {
        self.filter = filter
        self.projections = projections
        self.environment = environment
        self.downstream = downstream
    }

    func push(_ row: [SQLValue]) {
        let context = environment.context(for: row)
        do {
            if let filter, try filter.evaluate(row, context) != .boolean(true) { return }
            var output: [SQLValue] = [row[0]]
            output.reserveCapacity(projections.count + 1)
            for projection in projections { output.append(try projection.evaluate(row, context)) }
            downstream.push(output)
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        downstream.advance(to: rowTime)
    }
}

/// WHERE alone, before an aggregation or a window.
final class FilterOperator: RowSink {
    let filter: CompiledExpression
    let environment: OperatorEnvironment
    let downstream: RowSink

    init(filter: CompiledExpression, environment: OperatorEnvironment, downstream: RowSink) {
        self.filter = filter
        self.environment = environment
        self.downstream = downstream
    }

    func push(_ row: [SQLValue]) {
        do {
            if try filter.evaluate(row, environment.context(for: row)) == .boolean(true) { downstream.push(row) }
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        downstream.advance(to: rowTime)
    }
}
