import TributarySQL

/// The relations application code may read while it is compiled: in-application streams (inputs and those made by
/// CREATE STREAM) and reference tables, each with its columns.
struct RelationCatalog {
    var streams: [String: [ColumnDescription]]
    var tables: [String: [ColumnDescription]]
}

/// What a query's operators are wired into when the application starts: its in-application streams, reference
/// tables and the environment operators share.
protocol PlanInstantiation: AnyObject {
    func stream(_ name: String) -> InAppStream
    func table(_ name: String) -> [[SQLValue]]
    func environment(pump: String) -> OperatorEnvironment
}

/// A compiled query: the columns of its result rows (after ROWTIME at index 0), and how to build its operators in
/// front of a sink. Compilation does not need a running application, so CreateApplication can check code cheaply.
struct QueryPlan {
    var columns: [ColumnDescription]
    var instantiate: (_ graph: PlanInstantiation, _ pump: String, _ downstream: RowSink) -> Void
}

/// A compiled FROM clause: the scope its rows are read through, and how to build what produces them.
struct FromPlan {
    var scope: Scope
    /// The width of a join side's window (`OVER (RANGE INTERVAL … PRECEDING)`), in milliseconds.
    var windowMs: Int64 = 0
    var instantiate: (_ graph: PlanInstantiation, _ pump: String, _ downstream: RowSink) -> Void
}

extension Scope {
    /// The same columns placed `offset` slots further right (the right side of a join).
    func shifted(by offset: Int) -> Scope {
        Scope(columns: columns.map { column in
            var moved = column
            moved.index += offset
            return moved
        })
    }
}
