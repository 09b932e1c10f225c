import XCTest
@testable import TributaryAnalytics
import TributarySQL

/// Collects what an in-application stream receives.
final class CollectingSink: RowSink {
    var rows: [[SQLValue]] = []
    func push(_ row: [SQLValue]) { rows.append(row) }
    func advance(to rowTime: Int64) {}
}

/// Compiles code against the stock-ticker input and runs rows through it, without any service around.
struct EngineHarness {
    static let tickerColumns = [
        ColumnDescription(name: "APPROXIMATE_ARRIVAL_TIME", type: .timestamp),
        ColumnDescription(name: "TICKER_SYMBOL", type: .varchar(length: 4)),
        ColumnDescription(name: "SECTOR", type: .varchar(length: 16)),
        ColumnDescription(name: "CHANGE", type: .real),
        ColumnDescription(name: "PRICE", type: .real),
    ]

    let graph: ApplicationGraph
    let compiled: CompiledApplication

    init(_ code: String, tables: [String: ([ColumnDescription], [[SQLValue]])] = [:]) throws {
        compiled = try ApplicationCompiler.compile(
            code: code, inputs: ["SOURCE_SQL_STREAM_001": Self.tickerColumns],
            tables: tables.mapValues(\.0))
        graph = ApplicationGraph(application: compiled, tables: tables.mapValues(\.1), nowMs: { 0 })
    }

    func collect(_ stream: String) -> CollectingSink {
        let sink = CollectingSink()
        XCTAssertTrue(graph.subscribe(sink, to: stream))
        return sink
    }

    /// A ticker row at `ms`.
    func push(_ ms: Int64, _ ticker: String, _ sector: String, change: Double, price: Double) {
        graph.push([.timestamp(milliseconds: ms), .timestamp(milliseconds: ms), .string(ticker), .string(sector),
                    .double(change), .double(price)], into: "SOURCE_SQL_STREAM_001")
    }

    func advance(to ms: Int64) {
        graph.advance(inputs: ["SOURCE_SQL_STREAM_001"], to: ms)
    }

    static func compileError(_ code: String) -> CodeValidationError? {
        do {
            _ = try ApplicationCompiler.compile(code: code, inputs: ["SOURCE_SQL_STREAM_001": tickerColumns],
                                                tables: [:])
            return nil
        } catch {
            return error
        }
    }
}
