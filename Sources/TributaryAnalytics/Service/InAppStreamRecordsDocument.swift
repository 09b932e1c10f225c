import TributarySQL
import TributaryWire

/// The answer of GetInApplicationStreamRecords, written from a tap's snapshot:
/// `{"Columns": [{"Name", "SqlType"}…], "Records": [{"Sequence", "Values": […]}…], "NextSequence"}`.
///
/// Values are JSON as AWS's JSON protocol writes its members: NULL is null, BOOLEAN true/false, the integer types
/// integers, REAL and DOUBLE numbers (NaN and infinities null, as in the JSON output format), TIMESTAMP (ROWTIME
/// too) epoch seconds with milliseconds as a fraction (`1700000000.123`). Every other type is a string of its SQL
/// text as the output formatter writes it: DECIMAL with its scale's digits (exact, which a JSON number read as a
/// double would not be), CHAR/VARCHAR, DATE `yyyy-MM-dd`, TIME, intervals, VARBINARY hex.
enum InAppStreamRecordsDocument {
    static func answer(_ snapshot: InAppStreamTap.Snapshot) -> Document {
        let types = snapshot.columns.map(\.type)
        return .object([
            "Columns": .array(snapshot.columns.map { column in
                .object(["Name": .string(column.name), "SqlType": .string(column.type.sqlText)])
            }),
            "Records": .array(snapshot.entries.map { entry in
                .object([
                    "Sequence": .integer(entry.sequence),
                    "Values": .array(zip(entry.values, types).map { value($0, type: $1) }),
                ])
            }),
            "NextSequence": .integer(snapshot.newestSequence),
        ])
    }

    static func value(_ value: SQLValue, type: SQLType) -> Document {
        switch value {
        case .null: .null
        case .boolean(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .double(let number): number.isFinite ? .double(number) : .null
        case .timestamp(let milliseconds): .timestamp(Double(milliseconds) / 1000)
        default: .string(value.text(for: type) ?? "")
        }
    }
}
