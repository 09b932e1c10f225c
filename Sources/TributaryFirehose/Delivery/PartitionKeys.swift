/// The partition keys of a record (from the JQ query and from the Lambda), which decide the object it goes into.
struct PartitionKeys: Hashable, Sendable {
    var query: [String: String]
    var lambda: [String: String]
}
