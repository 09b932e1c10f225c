import ArgumentParser
import Foundation
import TributaryAnalytics

/// `tributary bench-sql`: the SQL engine's throughput alone, for bench/README.md.
struct BenchSQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sql",
        abstract: "Measure the Analytics SQL engine alone: rows per second per core for a query shape.")

    enum Shape: String, ExpressibleByArgument, CaseIterable {
        case filter, tumbling, sliding
    }

    @Option(help: "Query shape: filter (WHERE + projection), tumbling (GROUP BY a 1 s STEP window), sliding (RANGE 10 s).")
    var shape: Shape = .filter

    @Option(help: "Input rows to push.")
    var rows = 2_000_000

    func run() throws {
        let result = try EngineBenchmark.run(code: Self.code(shape), rows: rows)
        print(String(format: "%@: %d rows in, %d rows out, %.2f s wall, %.2f s CPU, %.0f rows/s per core",
                     shape.rawValue, result.inputRows, result.outputRows, result.wallSeconds, result.cpuSeconds,
                     result.rowsPerCPUSecond))
    }

    static func code(_ shape: Shape) -> String {
        switch shape {
        case .filter:
            return """
                CREATE STREAM "OUTPUT" (ticker VARCHAR(4), doubled DOUBLE, change DOUBLE);
                CREATE PUMP "P" AS INSERT INTO "OUTPUT"
                  SELECT STREAM ticker_symbol, price * 2, change FROM "SOURCE_SQL_STREAM_001"
                  WHERE price > 50 AND sector LIKE 'TECH%';
                """
        case .tumbling:
            return """
                CREATE STREAM "OUTPUT" (ticker VARCHAR(4), avg_price DOUBLE, trades BIGINT, high DOUBLE);
                CREATE PUMP "P" AS INSERT INTO "OUTPUT"
                  SELECT STREAM ticker_symbol, AVG(price), COUNT(*), MAX(price) FROM "SOURCE_SQL_STREAM_001"
                  GROUP BY ticker_symbol, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' SECOND);
                """
        case .sliding:
            return """
                CREATE STREAM "OUTPUT" (ticker VARCHAR(4), avg_price DOUBLE, high DOUBLE);
                CREATE PUMP "P" AS INSERT INTO "OUTPUT"
                  SELECT STREAM ticker_symbol, AVG(price) OVER w, MAX(price) OVER w FROM "SOURCE_SQL_STREAM_001"
                  WINDOW w AS (PARTITION BY ticker_symbol RANGE INTERVAL '10' SECOND PRECEDING);
                """
        }
    }
}
