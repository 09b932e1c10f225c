/// A key table under construction for `KPLAggregator`: each distinct key once, in order of first use.
///
/// Keys are compared by their UTF-8 bytes, not by `String` equality, because Swift treats canonically equivalent
/// strings (`"\u{E9}"` and `"e\u{301}"`) as equal while Kinesis hashes bytes: merging them would change a key.
struct KPLKeyTable: Sendable {
    private(set) var keys: [String] = []
    private var indexByBytes: [[UInt8]: Int] = [:]

    /// The index of `key` in the table, adding it at the end when it is new.
    mutating func index(of key: String) -> UInt64 {
        let bytes = Array(key.utf8)
        if let index = indexByBytes[bytes] { return UInt64(index) }
        let index = keys.count
        keys.append(key)
        indexByBytes[bytes] = index
        return UInt64(index)
    }
}
