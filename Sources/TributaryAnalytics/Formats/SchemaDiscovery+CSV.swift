import TributarySQL

/// CSV discovery: delimiters, an optional header row, and one column per field position.
///
/// - Row delimiter: `\r\n` when the samples use it, else `\n`.
/// - Column delimiter: the first of `,` TAB `|` `;` that every row holds, else the first that any row holds,
///   else `,` (each row is then one column).
/// - Header: the first row names the columns when there are other rows, none of its cells is empty or a number,
///   and some column holds numbers in all the other rows (so the first row is not data); its cells then give the
///   names (see `DiscoveredColumnName`) and it takes no part in typing. Without a header, columns are `COL_0`,
///   `COL_1`, ... by position. The header row still appears in ParsedInputRecords, as AWS shows it.
extension SchemaDiscovery {
    static let columnDelimiterCandidates = [",", "\t", "|", ";"]

    static func csvSchema(_ records: [[UInt8]]) throws(SchemaDiscoveryError) -> InputSchema {
        let crlf = Array("\r\n".utf8)
        let rowDelimiter = records.contains { DelimitedBytes.contains($0, crlf) } ? "\r\n" : "\n"
        let rows = records.flatMap { DelimitedBytes.rows($0, delimiter: Array(rowDelimiter.utf8)) }
        guard !rows.isEmpty else {
            throw SchemaDiscoveryError("Unable to detect a schema: no data was found in the sampled records")
        }
        let columnDelimiter = chooseColumnDelimiter(rows)
        let fieldRows = rows.map { row in
            DelimitedBytes.split(row, by: Array(columnDelimiter.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        let columnCount = fieldRows.map(\.count).max() ?? 1
        let header = headerRow(fieldRows, columnCount: columnCount)
        let dataRows = header == nil ? fieldRows : Array(fieldRows.dropFirst())

        var types = Array(repeating: DiscoveredColumnType(), count: columnCount)
        for row in dataRows {
            for (index, field) in row.enumerated() {
                types[index].add(field: field)
            }
        }
        let names = header.map { cells in
            uniqueNames((0 ..< columnCount).map { [$0 < cells.count ? cells[$0] : ""] })
        } ?? (0 ..< columnCount).map { "COL_\($0)" }
        let columns = zip(names, types).map { RecordColumn(name: $0, sqlType: $1.sqlType.sqlText) }
        return InputSchema(format: .csv(recordDelimiter: rowDelimiter, columnDelimiter: columnDelimiter),
                           encoding: "UTF-8", columns: columns)
    }

    private static func chooseColumnDelimiter(_ rows: [ArraySlice<UInt8>]) -> String {
        let present = columnDelimiterCandidates.map { candidate in
            let bytes = Array(candidate.utf8)
            return rows.map { DelimitedBytes.contains(Array($0), bytes) }
        }
        if let index = present.firstIndex(where: { $0.allSatisfy { $0 } }) { return columnDelimiterCandidates[index] }
        if let index = present.firstIndex(where: { $0.contains(true) }) { return columnDelimiterCandidates[index] }
        return ","
    }

    /// The first row's cells when it is a header (see the type's comment), else nil.
    private static func headerRow(_ rows: [[String]], columnCount: Int) -> [String]? {
        guard rows.count > 1, let first = rows.first,
              first.allSatisfy({ !$0.isEmpty && SQLNumberSyntax($0) == nil })
        else { return nil }
        let others = rows.dropFirst()
        for column in 0 ..< columnCount {
            let cells = others.map { column < $0.count ? $0[column] : "" }
            if cells.allSatisfy({ !$0.isEmpty && SQLNumberSyntax($0) != nil }) { return first }
        }
        return nil
    }
}
