/// Where a token or node starts in the application code (1-based line and column), for error messages that point
/// at the mistake as Kinesis Data Analytics does.
public struct SourcePosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}
