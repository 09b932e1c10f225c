/// `add`, `first`, `last`, `min`, `max`, `sort`, `unique`, `reverse`, as jq 1.6 defines them.
extension JQExecution {
    func applyCollection(_ builtin: JQBuiltin, _ input: JQValue) throws -> JQValue {
        switch builtin {
        case .add:
            var total: JQValue = .null
            for element in try JQAccess.iterate(input) {
                total = try admit(try JQArithmetic.add(total, element, self))
            }
            return total
        case .first: return try JQAccess.index(input, .number(0))
        case .last: return try JQAccess.index(input, .number(-1))
        case .minimum, .maximum:
            guard case .array(let array) = input else { throw JQFailure.types(input, input, "cannot be iterated over") }
            return try extreme(array.elements, isMinimum: builtin == .minimum)
        case .sort:
            guard case .array(let array) = input else {
                throw JQFailure.type(input, "cannot be sorted, as it is not an array")
            }
            return .array(JQArray(try sorted(array.elements)))
        case .unique:
            guard case .array(let array) = input else {
                _ = try JQAccess.iterate(input)
                throw JQFailure.type(input, "cannot be sorted, as it is not an array")
            }
            var distinct: [JQValue] = []
            for element in try sorted(array.elements) where distinct.last.map({ JQValue.compare($0, element) != 0 }) ?? true {
                distinct.append(element)
            }
            return .array(JQArray(distinct))
        default:
            return try reversed(input)
        }
    }

    /// jq 1.6's `min`/`max`: the first element, replaced by each later one that is smaller (for `min`) or not
    /// smaller (for `max`); null for `[]`.
    private func extreme(_ elements: [JQValue], isMinimum: Bool) throws -> JQValue {
        guard var best = elements.first else { return .null }
        for element in elements.dropFirst() {
            try charge(min(element.weight, best.weight))
            if (JQValue.compare(element, best) < 0) == isMinimum { best = element }
        }
        return best
    }

    /// A stable merge sort by jq's order, charging each comparison's cost to the run.
    func sorted(_ elements: [JQValue]) throws -> [JQValue] {
        var items = elements
        var scratch = elements
        var width = 1
        while width < items.count {
            var start = 0
            while start < items.count {
                let middle = min(start + width, items.count), end = min(start + 2 * width, items.count)
                var left = start, right = middle, target = start
                while left < middle || right < end {
                    let takeLeft: Bool
                    if left < middle && right < end {
                        try charge(1 + min(items[left].weight, items[right].weight))
                        takeLeft = JQValue.compare(items[right], items[left]) >= 0
                    } else {
                        takeLeft = left < middle
                    }
                    scratch[target] = takeLeft ? items[left] : items[right]
                    if takeLeft { left += 1 } else { right += 1 }
                    target += 1
                }
                start = end
            }
            swap(&items, &scratch)
            width *= 2
        }
        return items
    }

    /// jq 1.6's `reverse` (`[.[length - 1 - range(0; length)]]`): arrays reversed, null and other empty inputs give
    /// `[]`, strings and objects fail on indexing, booleans on `length`.
    private func reversed(_ input: JQValue) throws -> JQValue {
        switch input {
        case .array(let array): return .array(JQArray(array.elements.reversed()))
        case .null: return .array([])
        default:
            guard case .number(let count) = try Self.length(input), count > 0 else { return .array([]) }
            throw JQFailure(message: "Cannot index \(input.typeName) with number")
        }
    }
}
