import TributarySQL

/// An in-application stream while the application runs: rows pushed into it (by the input, or by pumps) go to every
/// pump reading it and every output writing it out. ROWTIME never goes backwards in a stream: a row computed with an
/// earlier ROWTIME than the stream's last (two pumps feeding one stream) takes the stream's current ROWTIME.
final class InAppStream: RowSink {
    let name: String
    let columns: [ColumnDescription]
    private var subscribers: [RowSink] = []
    private var rowTime = Int64.min

    init(name: String, columns: [ColumnDescription]) {
        self.name = name
        self.columns = columns
    }

    func subscribe(_ sink: RowSink) {
        subscribers.append(sink)
    }

    func push(_ row: [SQLValue]) {
        var row = row
        let time = row.rowTime
        if time < rowTime {
            row[0] = .timestamp(milliseconds: rowTime)
        } else {
            rowTime = time
        }
        for subscriber in subscribers { subscriber.push(row) }
    }

    func advance(to rowTime: Int64) {
        for subscriber in subscribers { subscriber.advance(to: rowTime) }
    }
}

/// The last step of a pump: the query's columns stored into the target stream's columns (by position, or by the
/// INSERT's column list), converted to the column types; columns the INSERT leaves out are NULL.
final class AssignOperator: RowSink {
    /// For each target column, the query column (1-based row slot) that feeds it, or nil.
    let sources: [Int?]
    let types: [SQLType]
    let environment: OperatorEnvironment
    let downstream: RowSink

    init(sources: [Int?], types: [SQLType], environment: OperatorEnvironment, downstream: RowSink) {
        self.sources = sources
        self.types = types
        self.environment = environment
        self.downstream = downstream
    }

    func push(_ row: [SQLValue]) {
        do {
            var output: [SQLValue] = [row[0]]
            output.reserveCapacity(types.count + 1)
            for (index, source) in sources.enumerated() {
                output.append(try source.map { try row[$0].assigned(to: types[index]) } ?? .null)
            }
            downstream.push(output)
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        downstream.advance(to: rowTime)
    }
}
