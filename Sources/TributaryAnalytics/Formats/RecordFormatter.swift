import TributarySQL
import TributaryWire

/// Writes rows of an in-application stream as destination records, one record per row.
///
/// - JSON: one object per record, members named by the in-application column names (case as declared) in column
///   order, no trailing newline. Numbers are JSON numbers (DOUBLE/REAL in Java's layout, `1.0E10`; NaN and
///   infinities, which JSON cannot hold, become null), BOOLEAN is `true`/`false`, NULL is `null`, and every other
///   type is a string of its SQL text (TIMESTAMP `yyyy-MM-dd HH:mm:ss.SSS`, DATE `yyyy-MM-dd`, VARBINARY hex).
/// - CSV: the values' text joined by `,` and ended by `\n`; NULL is an empty field; no quoting.
public struct RecordFormatter: Sendable {
    public let format: OutputFormat
    public let columns: [(name: String, type: SQLType)]
    /// Each column name already written as a JSON string followed by `:`.
    private let memberPrefixes: [[UInt8]]

    public init(format: OutputFormat, columns: [(name: String, type: SQLType)]) {
        self.format = format
        self.columns = columns
        memberPrefixes = columns.map { column in
            var prefix: [UInt8] = []
            JSONDocumentEncoder.write(.string(column.name), into: &prefix)
            prefix.append(UInt8(ascii: ":"))
            return prefix
        }
    }

    /// The record for `row`, whose values are in column order.
    public func record(_ row: [SQLValue]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * columns.count + 2)
        switch format {
        case .json:
            output.append(UInt8(ascii: "{"))
            for index in columns.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: memberPrefixes[index])
                writeJSON(index < row.count ? row[index] : .null, type: columns[index].type, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .csv:
            for index in columns.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                let value = index < row.count ? row[index] : .null
                output.append(contentsOf: Self.csvText(value, type: columns[index].type).utf8)
            }
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    private func writeJSON(_ value: SQLValue, type: SQLType, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .boolean(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer, .decimal:
            output.append(contentsOf: (value.text(for: type) ?? "null").utf8)
        case .double(let number):
            guard number.isFinite else { output.append(contentsOf: "null".utf8); return }
            output.append(contentsOf: (value.text(for: type) ?? "null").utf8)
        default:
            JSONDocumentEncoder.write(.string(value.text(for: type) ?? ""), into: &output)
        }
    }

    private static func csvText(_ value: SQLValue, type: SQLType) -> String {
        switch value {
        case .null: ""
        case .boolean(let flag): flag ? "true" : "false"
        default: value.text(for: type) ?? ""
        }
    }
}
