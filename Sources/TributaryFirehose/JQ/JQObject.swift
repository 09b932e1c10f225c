/// The members of a jq object in insertion order, with their depth and size kept current.
///
/// Why ordered: jq prints members in the order they were first added and iterates them so (`.[]`, `to_entries`,
/// `keys_unsorted`); setting an existing key replaces its value in place (`{a: 1, b: 2} + {a: 3}` is
/// `{"a":3,"b":2}`). Keys compare by UTF-8 bytes (`JQObjectKey`). Small objects, the common case, are searched
/// linearly; past `indexedCountMin` members a hash index keeps lookups constant-time for large inputs.
///
/// Invariant: `depth` is 1 plus the deepest value's depth; `weight` is 1 plus, per member, 1 plus the key's UTF-8
/// bytes plus the value's weight (capped, see `JQWeight`). Equality ignores order, as jq's does.
public struct JQObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JQValue)

    /// Member count from which lookups use the hash index instead of a scan.
    static let indexedCountMin = 12

    public private(set) var entries: [Element] = []
    private var positions: [JQObjectKey: Int] = [:]
    public private(set) var depth = 1
    public private(set) var weight = 1

    public init() {}

    /// An object of `members` in order; a repeated key keeps its first position and its last value, as in jq.
    public init(_ members: [(String, JQValue)]) {
        entries.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, JQValue)...) { self.init(elements) }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys in insertion order (`keys_unsorted`).
    public var keys: [String] { entries.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Element]> { entries.makeIterator() }

    private func position(of key: String) -> Int? {
        if entries.count >= Self.indexedCountMin { return positions[JQObjectKey(key)] }
        return entries.firstIndex { JQText.equal($0.key, key) }
    }

    public subscript(key: String) -> JQValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            guard let value = newValue else {
                removeMember(key)
                return
            }
            if let index = position(of: key) {
                entries[index].value = value
                recomputeMeasures()
                return
            }
            entries.append((key, value))
            if entries.count == Self.indexedCountMin {
                positions.reserveCapacity(entries.count * 2)
                for (index, entry) in entries.enumerated() { positions[JQObjectKey(entry.key)] = index }
            } else if entries.count > Self.indexedCountMin {
                positions[JQObjectKey(key)] = entries.count - 1
            }
            depth = Swift.max(depth, value.depth + 1)
            weight = JQWeight.add(weight, Self.memberWeight(key, value))
        }
    }

    private mutating func removeMember(_ key: String) {
        guard let index = position(of: key) else { return }
        entries.remove(at: index)
        positions = [:]
        if entries.count >= Self.indexedCountMin {
            for (position, entry) in entries.enumerated() { positions[JQObjectKey(entry.key)] = position }
        }
        recomputeMeasures()
    }

    private mutating func recomputeMeasures() {
        var deepest = 0, total = 1
        for (key, value) in entries {
            deepest = Swift.max(deepest, value.depth)
            total = JQWeight.add(total, Self.memberWeight(key, value))
        }
        depth = deepest + 1
        weight = total
    }

    private static func memberWeight(_ key: String, _ value: JQValue) -> Int {
        JQWeight.add(1 + key.utf8.count, value.weight)
    }

    public static func == (left: JQObject, right: JQObject) -> Bool {
        guard left.count == right.count else { return false }
        for (key, value) in left.entries {
            guard let other = right[key], other == value else { return false }
        }
        return true
    }
}
