/// Names one log as a path of directory names under the store's data directory, for example
/// `["streams", "orders.1700000000", "shardId-000000000000"]`.
///
/// It exists so that services address logs by meaning (stream, shard) while the store alone decides where
/// and how they live. Each component becomes one directory name, so the store rejects components that are
/// empty, `.`, `..`, or contain `/` or NUL (see `FileRecordStore`).
public struct LogIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The directory names from the data directory down to the log's own directory.
    public var path: [String]

    public init(_ path: [String]) {
        self.path = path
    }

    public var description: String {
        path.joined(separator: "/")
    }

    /// Whether this identifier lies under (or equals) `prefix`.
    func isUnder(_ prefix: [String]) -> Bool {
        path.count >= prefix.count && Array(path.prefix(prefix.count)) == prefix
    }
}
