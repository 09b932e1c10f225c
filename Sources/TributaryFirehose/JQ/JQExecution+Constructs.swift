/// Operators, bindings and constructors. Where two operands both produce several outputs, the order is jq's: the
/// right operand varies slowest (`[(1,2) + (10,20)]` is `[11,12,21,22]`), and in a string the later interpolations
/// vary slowest (`"\(1,2)-\(3,4)"` gives "1-3", "2-3", "1-4", "2-4").
extension JQExecution {
    /// `"a \(x) b \(y)"`: each interpolation's outputs are gathered first (none depends on another), the last one
    /// first as in jq, then every combination is built, the last interpolation varying slowest, without recursion
    /// per part.
    func evaluateString(_ parts: [JQStringPart], _ format: JQFormat?, _ input: JQValue, _ bindings: [JQValue],
                        _ emit: Emit) throws {
        var choices: [JQGathered<String>] = []
        for part in parts.reversed() {
            switch part {
            case .text(let text):
                choices.append(JQGathered(outputs: [text]))
            case .interpolation(let node):
                let pieces = try gather(node, input, bindings) { try self.formatted(format ?? .text, $0) }
                // No output here means no string at all; jq does not run the earlier parts then.
                if pieces.outputs.isEmpty { return }
                choices.append(pieces)
            }
        }
        choices.reverse()
        try forEachCombination(choices) { selection in
            var text = ""
            for (index, piece) in selection.enumerated() {
                try checkStringLength(text.utf8.count + choices[index].outputs[piece].utf8.count)
                text += choices[index].outputs[piece]
            }
            try emit(.string(text))
        }
    }

    /// The outputs of `node`, transformed. An error after at least one output is kept, to be raised when jq would
    /// ask for the next output (see `forEachCombination`); an error before any output is raised at once.
    func gather<Element>(_ node: JQNode, _ input: JQValue, _ bindings: [JQValue],
                         _ transform: (JQValue) throws -> Element) throws -> JQGathered<Element> {
        var outputs: [Element] = []
        do {
            try evaluate(node, input, bindings) { value in outputs.append(try transform(value)) }
        } catch let failure as JQFailure where !outputs.isEmpty {
            return JQGathered(outputs: outputs, pendingFailure: failure)
        }
        return JQGathered(outputs: outputs)
    }

    /// Calls `body` with one index per list, for every combination, the first list varying fastest (an odometer);
    /// nothing when a list is empty. When a list with a pending failure runs out, the failure is raised, where jq's
    /// nested loops would have met it.
    func forEachCombination<Element>(_ lists: [JQGathered<Element>], firstFastest: Bool = true,
                                     _ body: ([Int]) throws -> Void) throws {
        guard lists.allSatisfy({ !$0.outputs.isEmpty }) else { return }
        var counters = [Int](repeating: 0, count: lists.count)
        let order = firstFastest ? Array(lists.indices) : Array(lists.indices.reversed())
        while true {
            try body(counters)
            var step = 0
            while step < order.count {
                let position = order[step]
                counters[position] += 1
                if counters[position] < lists[position].outputs.count { break }
                if let failure = lists[position].pendingFailure { throw failure }
                counters[position] = 0
                step += 1
            }
            if step == order.count { return }
        }
    }

    /// `format` applied to `value` (`tostring`, `tojson`, `@base64`, …), charged by the value's size. JSON text is at
    /// least as long as the value's weight, so a value too large to print is refused before it is printed.
    func formatted(_ format: JQFormat, _ value: JQValue) throws -> String {
        if case .string(let text) = value, format == .text { return text }
        guard value.weight <= JQLimits.stringBytesMax else {
            throw JQError.runtime("string too long (more than \(JQLimits.stringBytesMax) bytes)")
        }
        // Printing costs a few nanoseconds per byte of text, and the text is at least the weight long.
        try charge(1 + value.weight / 2)
        let text = try JQFormatting.apply(format, to: value)
        try checkStringLength(text.utf8.count)
        return text
    }

    /// Refuses a string longer than `JQLimits.stringBytesMax` before it is built, and charges its copying.
    func checkStringLength(_ byteCount: Int) throws {
        guard byteCount <= JQLimits.stringBytesMax else {
            throw JQError.runtime("string too long (more than \(JQLimits.stringBytesMax) bytes)")
        }
        try charge(1 + byteCount / 64)
    }

    /// `try body catch handler` and `body?`, as jq 1.6 runs them: an error raised while the `try` is active ends it,
    /// whether the body raised it or whatever consumed the body's outputs did (jq 1.6 catches errors raised later in
    /// the pipeline too: `(1,2)? | error("x")` gives nothing). The handler, if any, then runs on the error value and
    /// its outputs go on; errors they cause are not caught. Limits of `JQLimits` (`JQError`) are never caught.
    func evaluateAttempt(_ body: JQNode, _ handler: JQNode?, _ input: JQValue, _ bindings: [JQValue],
                         _ emit: Emit) throws {
        let caught: JQFailure
        do {
            try evaluate(body, input, bindings, emit)
            return
        } catch let failure as JQFailure {
            caught = failure
        }
        guard let handler else { return }
        try evaluate(handler, caught.value, bindings, emit)
    }

    func evaluateNegate(_ operand: JQNode, _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluate(operand, input, bindings) { value in
            guard case .number(let number) = value else { throw JQFailure.type(value, "cannot be negated") }
            try emit(.number(-number))
        }
    }

    func evaluateArithmetic(_ operation: JQArithmeticOperator, _ left: JQNode, _ right: JQNode, _ input: JQValue,
                            _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluate(right, input, bindings) { rightValue in
            try self.evaluate(left, input, bindings) { leftValue in
                try emit(try self.admit(try JQArithmetic.apply(operation, leftValue, rightValue, self)))
            }
        }
    }

    func evaluateComparison(_ operation: JQComparisonOperator, _ left: JQNode, _ right: JQNode, _ input: JQValue,
                            _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluate(right, input, bindings) { rightValue in
            try self.evaluate(left, input, bindings) { leftValue in
                try self.charge(min(leftValue.weight, rightValue.weight))
                let order = JQValue.compare(leftValue, rightValue)
                let result = switch operation {
                case .equal: order == 0
                case .notEqual: order != 0
                case .less: order < 0
                case .lessOrEqual: order <= 0
                case .greater: order > 0
                case .greaterOrEqual: order >= 0
                }
                try emit(.boolean(result))
            }
        }
    }

    /// `and` / `or`: the left side varies slowest; the right side runs only when the left does not decide.
    func evaluateLogic(isAnd: Bool, _ left: JQNode, _ right: JQNode, _ input: JQValue, _ bindings: [JQValue],
                       _ emit: Emit) throws {
        try evaluate(left, input, bindings) { leftValue in
            if leftValue.isTruthy != isAnd { return try emit(.boolean(!isAnd)) }
            try self.evaluate(right, input, bindings) { rightValue in try emit(.boolean(rightValue.isTruthy)) }
        }
    }

    /// `a // b`: the outputs of `a` that are neither null nor false, or, when there are none, the outputs of `b`.
    /// As in jq 1.6, an error raised by `a` is not swallowed.
    func evaluateAlternative(_ left: JQNode, _ right: JQNode, _ input: JQValue, _ bindings: [JQValue],
                             _ emit: Emit) throws {
        var anyTruthy = false
        try evaluate(left, input, bindings) { value in
            guard value.isTruthy else { return }
            anyTruthy = true
            try emit(value)
        }
        if !anyTruthy { try evaluate(right, input, bindings, emit) }
    }

    func evaluateBind(_ source: JQNode, _ slot: Int, _ body: JQNode, _ input: JQValue, _ bindings: [JQValue],
                      _ emit: Emit) throws {
        try evaluate(source, input, bindings) { value in
            var inner = Array(bindings.prefix(slot))
            inner.append(value)
            try self.evaluate(body, input, inner, emit)
        }
    }

    /// `reduce source as $x (initial; update)`: per output of `initial`, the state goes through `update` once per
    /// output of `source`; when `update` gives several outputs the last counts, when it gives none the state is null
    /// (both as jq 1.6).
    func evaluateReduce(_ source: JQNode, _ slot: Int, _ initial: JQNode, _ update: JQNode, _ input: JQValue,
                        _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluate(initial, input, bindings) { start in
            var state = start
            try self.evaluate(source, input, bindings) { item in
                var inner = Array(bindings.prefix(slot))
                inner.append(item)
                var last: JQValue = .null
                try self.evaluate(update, state, inner) { last = $0 }
                state = last
            }
            try emit(state)
        }
    }

    func evaluateCollect(_ body: JQNode?, _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        var elements: [JQValue] = []
        if let body {
            try evaluate(body, input, bindings) { value in
                try self.charge(1)
                elements.append(value)
            }
        }
        try emit(try admit(.array(JQArray(elements))))
    }

    /// `{k: v, …}`: each key's and each value's outputs are gathered first (they all run on the same input), then
    /// every combination is built without recursion per entry: earlier entries vary slowest and, within an entry,
    /// the key slower than the value (`{("a","b"): (1,2)}` gives `{"a":1}`, `{"a":2}`, `{"b":1}`, `{"b":2}`). Errors
    /// come in jq's order: a key is checked when its first member is inserted, after its value ran.
    func evaluateObject(_ entries: [(key: JQNode, value: JQNode)], _ input: JQValue, _ bindings: [JQValue],
                        _ emit: Emit) throws {
        var lists: [JQGathered<JQValue>] = []
        for entry in entries {
            let keys = try gather(entry.key, input, bindings) { $0 }
            // No key or no value means no object at all; jq does not run the later members then.
            guard let firstKey = keys.outputs.first else { return }
            let values = try gather(entry.value, input, bindings) { $0 }
            if values.outputs.isEmpty { return }
            try Self.checkObjectKey(firstKey)
            lists.append(keys)
            lists.append(values)
        }
        try forEachCombination(lists, firstFastest: false) { selection in
            // Building an object allocates: it is charged as four units per member.
            try charge(4 * (1 + entries.count))
            var object = JQObject()
            for entryIndex in entries.indices {
                let key = lists[2 * entryIndex].outputs[selection[2 * entryIndex]]
                try Self.checkObjectKey(key)
                guard case .string(let name) = key else { continue }
                object[name] = lists[2 * entryIndex + 1].outputs[selection[2 * entryIndex + 1]]
            }
            try emit(try admit(.object(object)))
        }
    }

    private static func checkObjectKey(_ key: JQValue) throws(JQFailure) {
        guard case .string = key else {
            throw JQFailure(message: "Cannot use \(key.typeName) (\(key.truncatedJSONText)) as object key")
        }
    }
}
