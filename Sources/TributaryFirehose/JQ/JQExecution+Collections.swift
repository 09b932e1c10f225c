/// `add`, `first`, `last`, `min`, `max`, `sort`, `unique`, `reverse`, as jq 1.6 defines them.
extension JQExecution {
    func applyCollection(_ builtin: JQBuiltin, _ input: JQValue) throws -> JQValue {
        switch builtin {
        case .add:
            return try sum(try JQAccess.iterate(input))
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
                // jq 1.6's `unique` is `group_by(.)`, which fails this way on an object.
                let values = try JQAccess.iterate(input).map { JQValue.array([$0]) }
                throw JQFailure.types(input, .array(JQArray(values)), "cannot be sorted, as they are not both arrays")
            }
            var distinct: [JQValue] = []
            for element in try sorted(array.elements) {
                if let previous = distinct.last, JQValue.compare(previous, element) == 0 { continue }
                distinct.append(element)
            }
            return .array(JQArray(distinct))
        default:
            if case .array(let array) = input { try charge(array.count) }
            return try reversed(input)
        }
    }

    /// `add`: jq's `+` from null over the elements. Strings and arrays are appended in place, so adding up many of
    /// them takes linear time (jq 1.6 does the same by appending to an unshared value).
    private func sum(_ elements: [JQValue]) throws -> JQValue {
        var total: JQValue = .null
        for element in elements {
            try charge(1)
            if case .string(let piece) = element, var text = Self.takeString(&total) {
                guard text.utf8.count + piece.utf8.count <= JQLimits.stringBytesMax else {
                    throw JQError.runtime("string too long (more than \(JQLimits.stringBytesMax) bytes)")
                }
                try charge(piece.utf8.count / 64)
                text += piece
                total = .string(text)
            } else if case .array(let more) = element, var array = Self.takeArray(&total) {
                try charge(more.count)
                array.append(contentsOf: more)
                total = try admit(.array(array))
            } else {
                total = try admit(try JQArithmetic.add(total, element, self))
            }
        }
        return total
    }

    /// The string held by `value`, leaving null in its place so the caller holds the only reference (and appends
    /// without copying).
    private static func takeString(_ value: inout JQValue) -> String? {
        guard case .string(let text) = value else { return nil }
        value = .null
        return text
    }

    private static func takeArray(_ value: inout JQValue) -> JQArray? {
        guard case .array(let array) = value else { return nil }
        value = .null
        return array
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
