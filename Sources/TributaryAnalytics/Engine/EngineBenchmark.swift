import Foundation
import TributarySQL

/// Measures the SQL engine alone (no network, no disk): application code compiled once, then stock-ticker rows
/// pushed through its operators on one thread, one millisecond of ROWTIME apart. It exists for `tributary bench
/// sql`, whose figures (rows per second per core) are recorded in bench/README.md.
public enum EngineBenchmark {
    /// What one run measured.
    public struct Result: Sendable {
        public var inputRows: Int
        public var outputRows: Int
        public var wallSeconds: Double
        public var cpuSeconds: Double

        /// Rows per second of CPU time: the engine runs on one core.
        public var rowsPerCPUSecond: Double { Double(inputRows) / cpuSeconds }
    }

    /// The input stream's name and columns in the benchmark's code.
    public static let inputStream = "SOURCE_SQL_STREAM_001"

    /// Pushes `rows` rows through `code`, whose pumps write into a stream named `OUTPUT`.
    public static func run(code: String, rows: Int) throws -> Result {
        let columns = [
            ColumnDescription(name: "APPROXIMATE_ARRIVAL_TIME", type: .timestamp),
            ColumnDescription(name: "TICKER_SYMBOL", type: .varchar(length: 4)),
            ColumnDescription(name: "SECTOR", type: .varchar(length: 16)),
            ColumnDescription(name: "CHANGE", type: .double),
            ColumnDescription(name: "PRICE", type: .double),
        ]
        let compiled = try ApplicationCompiler.compile(code: code, inputs: [inputStream: columns], tables: [:])
        let graph = ApplicationGraph(application: compiled, tables: [:])
        let counter = CountingSink()
        guard graph.subscribe(counter, to: "OUTPUT") else {
            throw CodeValidationError("The benchmark's code must create a stream named OUTPUT", at: nil)
        }
        let samples = sampleRows(count: 10_007)
        let startWall = Date()
        let startCPU = cpuSeconds()
        for index in 0..<rows {
            var row = samples[index % samples.count]
            let time = SQLValue.timestamp(milliseconds: Int64(index))
            row[0] = time
            row[1] = time
            graph.push(row, into: inputStream)
        }
        graph.advance(inputs: [inputStream], to: Int64(rows) + 60_000)
        return Result(inputRows: rows, outputRows: counter.count, wallSeconds: Date().timeIntervalSince(startWall),
                      cpuSeconds: cpuSeconds() - startCPU)
    }

    private static func sampleRows(count: Int) -> [[SQLValue]] {
        let tickers = ["AAPL", "AMZN", "MSFT", "QXZ", "JNJ", "WMT", "XOM", "NFLX", "TBV", "ASD"]
        let sectors = ["TECHNOLOGY", "RETAIL", "TECHNOLOGY", "HEALTHCARE", "HEALTHCARE", "RETAIL", "ENERGY",
                       "TECHNOLOGY", "FINANCIAL", "MEDIA"]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let pick = Int.random(in: 0..<tickers.count, using: &generator)
            return [.null, .null, .string(tickers[pick]), .string(sectors[pick]),
                    .double(Double(Int.random(in: -500...500, using: &generator)) / 100),
                    .double(Double(Int.random(in: 1000...20000, using: &generator)) / 100)]
        }
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}

/// Counts the rows a stream receives.
private final class CountingSink: RowSink {
    var count = 0
    func push(_ row: [SQLValue]) { count += 1 }
    func advance(to rowTime: Int64) {}
}
