/// jq's total order of values (`sort`, `min`, `max`, `unique`, `<`), as jq 1.6's `jv_cmp`.
///
/// Types first: null < false < true < numbers < strings < arrays < objects. Numbers by value, NaN below every
/// number and below itself (so `nan < nan` is true and `nan == nan` false, as in jq 1.6); strings by UTF-8 bytes;
/// arrays element by element, a prefix first; objects by their sorted key lists, then by their values in sorted-key
/// order. Cost is bounded by the smaller operand's weight; callers charge it to the run's budget.
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
        switch left {
        case .number(let a):
            guard case .number(let b) = right else { return 0 }
            if a.isNaN { return -1 }
            return a < b ? -1 : (a == b ? 0 : 1)
        case .string(let a):
            guard case .string(let b) = right else { return 0 }
            return JQText.compare(a, b)
        case .array(let a):
            guard case .array(let b) = right else { return 0 }
            return compareArrays(a.elements, b.elements)
        case .object(let a):
            guard case .object(let b) = right else { return 0 }
            return compareObjects(a, b)
        default:
            return 0
        }
    }

    private static func compareArrays(_ left: [JQValue], _ right: [JQValue]) -> Int {
        for (x, y) in zip(left, right) {
            let order = compare(x, y)
            if order != 0 { return order }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    private static func compareObjects(_ left: JQObject, _ right: JQObject) -> Int {
        let leftKeys = left.sortedKeys, rightKeys = right.sortedKeys
        for (x, y) in zip(leftKeys, rightKeys) {
            let order = JQText.compare(x, y)
            if order != 0 { return order }
        }
        if leftKeys.count != rightKeys.count { return leftKeys.count < rightKeys.count ? -1 : 1 }
        for key in leftKeys {
            let order = compare(left[key] ?? .null, right[key] ?? .null)
            if order != 0 { return order }
        }
        return 0
    }
}

extension JQObject {
    /// The keys in byte order, as `keys` returns them.
    var sortedKeys: [String] {
        keys.sorted { JQText.compare($0, $1) < 0 }
    }
}
