import TributarySQL

/// Application code after compilation: every in-application stream with its columns, and every pump with its
/// compiled query, ready to be instantiated into operators when the application starts.
public struct CompiledApplication {
    /// The name of the stream every application has for rows that fail to map or to compute.
    public static let errorStreamName = "error_stream"

    /// The columns of `error_stream`, as Kinesis Data Analytics defines them.
    public static let errorStreamColumns: [ColumnDescription] = [
        ColumnDescription(name: "ERROR_TIME", type: .timestamp),
        ColumnDescription(name: "ERROR_LEVEL", type: .varchar(length: 10)),
        ColumnDescription(name: "ERROR_NAME", type: .varchar(length: 32)),
        ColumnDescription(name: "MESSAGE", type: .varchar(length: 4096)),
        ColumnDescription(name: "DATA_ROWTIME", type: .timestamp),
        ColumnDescription(name: "DATA_ROW", type: .varchar(length: 49152)),
        ColumnDescription(name: "PUMP_NAME", type: .varchar(length: 128)),
    ]

    /// Every in-application stream: inputs, `error_stream` and those the code creates.
    public internal(set) var streams: [String: [ColumnDescription]]
    var pumps: [CompiledPump]
}

/// One pump: its query, and how the query's columns land in the target stream.
struct CompiledPump {
    var name: String
    var target: String
    var plan: QueryPlan
    var sources: [Int?]
    var types: [SQLType]
}
