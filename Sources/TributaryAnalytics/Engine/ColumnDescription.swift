import TributarySQL

/// A named, typed column of an in-application stream, a reference table or a query's result.
///
/// Rows travel as plain `[SQLValue]`. A stream row keeps its ROWTIME (as `.timestamp`) at index 0 and its columns
/// after it, so `columns[i]` of a stream is at `row[i + 1]`; a reference table row has no ROWTIME.
public struct ColumnDescription: Equatable, Sendable {
    public var name: String
    public var type: SQLType

    public init(name: String, type: SQLType) {
        self.name = name
        self.type = type
    }
}
