/// Paths: `t[k]`, `t[from:to]` and `t[]`. Keys and bounds run against the expression's input and vary slowest,
/// the target fastest, as in jq (`[[1,2],[3,4]] | [.[0,1][0,1]]` is `[1,3,2,4]`). An optional step drops its own
/// error only; errors of the target, of the key and of whatever follows pass through.
extension JQExecution {
    func evaluateIndex(_ target: JQNode, _ key: JQNode, _ isOptional: Bool, _ input: JQValue, _ bindings: [JQValue],
                       _ emit: Emit) throws {
        try evaluate(key, input, bindings) { keyValue in
            try self.evaluate(target, input, bindings) { targetValue in
                if case .array(let pattern) = keyValue, case .array(let array) = targetValue {
                    try self.charge(array.count * pattern.count)
                }
                let value: JQValue
                do {
                    value = try JQAccess.index(targetValue, keyValue)
                } catch where isOptional {
                    return
                }
                try emit(value)
            }
        }
    }

    func evaluateSlice(_ target: JQNode, _ from: JQNode?, _ to: JQNode?, _ isOptional: Bool, _ input: JQValue,
                       _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluateOptional(from, input, bindings) { fromValue in
            try self.evaluateOptional(to, input, bindings) { toValue in
                try self.evaluate(target, input, bindings) { targetValue in
                    try self.charge(1 + targetValue.weight / 64)
                    let value: JQValue
                    do {
                        value = try JQAccess.slice(targetValue, fromValue, toValue)
                    } catch where isOptional {
                        return
                    }
                    try emit(value)
                }
            }
        }
    }

    /// Runs `node`, or emits null once when there is none (a missing slice bound).
    private func evaluateOptional(_ node: JQNode?, _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        guard let node else { return try emit(.null) }
        try evaluate(node, input, bindings, emit)
    }

    func evaluateIterate(_ target: JQNode, _ isOptional: Bool, _ input: JQValue, _ bindings: [JQValue],
                         _ emit: Emit) throws {
        try evaluate(target, input, bindings) { container in
            let elements: [JQValue]
            do {
                elements = try JQAccess.iterate(container)
            } catch where isOptional {
                return
            }
            for element in elements {
                try self.charge(1)
                try emit(element)
            }
        }
    }
}
