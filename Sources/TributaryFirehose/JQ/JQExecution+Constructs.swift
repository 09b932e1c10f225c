/// Operators, bindings and constructors. Where two operands both produce several outputs, the order is jq's: the
/// right operand varies slowest (`[(1,2) + (10,20)]` is `[11,12,21,22]`), and in a string the later interpolations
/// vary slowest (`"\(1,2)-\(3,4)"` gives "1-3", "2-3", "1-4", "2-4").
extension JQExecution {
    /// Builds the strings of `parts[..<count]` followed by `suffix`, the last interpolation varying slowest.
    func evaluateString(_ parts: [JQStringPart], _ count: Int, _ format: JQFormat?, _ suffix: String,
                        _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        guard count > 0 else {
            try emit(try admit(.string(suffix)))
            return
        }
        switch parts[count - 1] {
        case .text(let text):
            try evaluateString(parts, count - 1, format, text + suffix, input, bindings, emit)
        case .interpolation(let node):
            try evaluate(node, input, bindings) { value in
                let piece = try JQFormatting.apply(format ?? .text, to: value)
                try self.checkStringLength(piece.utf8.count + suffix.utf8.count)
                try self.evaluateString(parts, count - 1, format, piece + suffix, input, bindings, emit)
            }
        }
    }

    /// Refuses a string longer than `JQLimits.stringBytesMax` before it is built, and charges its copying.
    func checkStringLength(_ byteCount: Int) throws {
        guard byteCount <= JQLimits.stringBytesMax else {
            throw JQError.runtime("string too long (more than \(JQLimits.stringBytesMax) bytes)")
        }
        try charge(1 + byteCount / 64)
    }

    /// `try body catch handler` and `body?`: errors raised inside `body` end it; errors raised by whatever consumes
    /// its outputs pass through untouched (see `JQEscapedFailure`).
    func evaluateAttempt(_ body: JQNode, _ handler: JQNode?, _ input: JQValue, _ bindings: [JQValue],
                         _ emit: Emit) throws {
        let token = makeTryToken()
        do {
            try evaluate(body, input, bindings) { value in
                do {
                    try emit(value)
                } catch let failure as JQFailure {
                    throw JQEscapedFailure(token: token, failure: failure)
                }
            }
        } catch let escaped as JQEscapedFailure where escaped.token == token {
            throw escaped.failure
        } catch let failure as JQFailure {
            guard let handler else { return }
            try evaluate(handler, failure.value, bindings, emit)
        }
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

    /// Builds objects entry by entry: earlier entries vary slowest, and within an entry the key varies slower than
    /// the value (`{("a","b"): (1,2)}` gives `{"a":1}`, `{"a":2}`, `{"b":1}`, `{"b":2}`).
    func evaluateObject(_ entries: ArraySlice<(key: JQNode, value: JQNode)>, _ partial: JQObject, _ input: JQValue,
                        _ bindings: [JQValue], _ emit: Emit) throws {
        guard let entry = entries.first else {
            try emit(try admit(.object(partial)))
            return
        }
        try evaluate(entry.key, input, bindings) { key in
            guard case .string(let name) = key else {
                throw JQFailure(message: "Cannot use \(key.typeName) (\(key.truncatedJSONText)) as object key")
            }
            try self.evaluate(entry.value, input, bindings) { value in
                try self.charge(1 + partial.count)
                var extended = partial
                extended[name] = value
                try self.evaluateObject(entries.dropFirst(), extended, input, bindings, emit)
            }
        }
    }
}
