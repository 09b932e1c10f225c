/// jq's total order of values (`sort`, `min`, `max`, `unique`, `<`), as jq 1.6's `jv_cmp`.
///
/// Types first: null < false < true < numbers < strings < arrays < objects. Numbers by value, NaN below every number
/// and below itself (so `nan < nan` is true and `nan == nan` false, as in jq 1.6); strings by UTF-8 bytes; arrays element by
/// element, a prefix first; objects by their sorted key lists, then by their values in sorted-key order.
/// Cost is bounded by the smaller operand's weight; callers charge it to the run's budget.
extension JQValue {
    /// jq's rank of the value's kind; `false` and `true` are different kinds in jq 1.6.
    var kindRank: Int {
        switch self {
        case .null: 0
        case .boolean(false): 1
        case .boolean(true): 2
        case .number: 3
        case .string: 4
        case .array: 5
        case .object: 6
        }
    }

    static func compare(_ left: JQValue, _ right: JQValue) -> Int {
        let leftRank = left.kindRank, rightRank = right.kindRank
        if leftRank != rightRank { return leftRank < rightRank ? -1 : 1 }
        switch (left, right) {
        case (.number(let a), .number(let b)):
            if a.isNaN { return -1 }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)):
            return JQText.compare(a, b)
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a.elements, b.elements) {
                let order = compare(x, y)
                if order != 0 { return order }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        case (.object(let a), .object(let b)):
            let leftKeys = a.sortedKeys, rightKeys = b.sortedKeys
            let keyOrder = compare(.array(JQArray(leftKeys.map { .string($0) })),
                                   .array(JQArray(rightKeys.map { .string($0) })))
            if keyOrder != 0 { return keyOrder }
            for key in leftKeys {
                let order = compare(a[key] ?? .null, b[key] ?? .null)
                if order != 0 { return order }
            }
            return 0
        default:
            return 0
        }
    }
}

extension JQObject {
    /// The keys in byte order, as `keys` returns them.
    var sortedKeys: [String] {
        keys.sorted { JQText.compare($0, $1) < 0 }
    }
}
