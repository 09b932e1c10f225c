import Foundation
import TributarySQL

/// A stream joined with a reference table: each stream row is matched against the table's rows and emitted once
/// per match as `[stream row…, table row…]` (LEFT JOIN: once with NULLs when nothing matches). Equality
/// conditions between a stream expression and a table column use a hash index built once.
final class TableJoinOperator: RowSink {
    /// `streamKey = table column` conjuncts, the index over those columns, and the rest of the condition.
    struct EquiJoin {
        var streamKeys: [CompiledExpression]
        var tableColumns: [Int]
    }

    let table: [[SQLValue]]
    let tableWidth: Int
    let isLeftJoin: Bool
    let streamKeys: [CompiledExpression]
    let residual: CompiledExpression?
    let environment: OperatorEnvironment
    let downstream: RowSink
    private let index: [[SQLValue]: [Int]]

    init(table: [[SQLValue]], tableWidth: Int, isLeftJoin: Bool, equiJoin: EquiJoin, residual: CompiledExpression?,
         environment: OperatorEnvironment, downstream: RowSink) {
        self.table = table
        self.tableWidth = tableWidth
        self.isLeftJoin = isLeftJoin
        self.streamKeys = equiJoin.streamKeys
        self.residual = residual
        self.environment = environment
        self.downstream = downstream
        var index: [[SQLValue]: [Int]] = [:]
        if !equiJoin.tableColumns.isEmpty {
            for (position, row) in table.enumerated() {
                let key = equiJoin.tableColumns.map { Self.joinKey(row[$0]) }
                if key.contains(.null) { continue }
                index[key, default: []].append(position)
            }
        }
        self.index = index
    }

    /// Values that compare equal hash equal: numbers are keyed by their Double value, CHAR padding is ignored.
    static func joinKey(_ value: SQLValue) -> SQLValue {
        switch value {
        case .integer(let number): return .double(Double(number))
        case .decimal(let number): return .double(NSDecimalNumber(decimal: number).doubleValue)
        case .string(let text):
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return .string(String(trimmed))
        default: return value
        }
    }

    func push(_ row: [SQLValue]) {
        let context = environment.context(for: row)
        do {
            let candidates: [Int]
            if streamKeys.isEmpty {
                candidates = Array(table.indices)
            } else {
                let key = try streamKeys.map { Self.joinKey(try $0.evaluate(row, context)) }
                candidates = key.contains(.null) ? [] : index[key] ?? []
            }
            var matched = false
            for position in candidates {
                let joined = row + table[position]
                if let residual, try residual.evaluate(joined, context) != .boolean(true) { continue }
                matched = true
                downstream.push(joined)
            }
            if !matched && isLeftJoin {
                downstream.push(row + Array(repeating: .null, count: tableWidth))
            }
        } catch {
            environment.reportError(error, row: row)
        }
    }

    func advance(to rowTime: Int64) {
        downstream.advance(to: rowTime)
    }
}
