/// One run of a program over one input: the evaluator and the run's budget.
///
/// Evaluation is by callbacks: `evaluate` calls `emit` once per output, in jq's order, and returns when the
/// expression has no more outputs; an error stops it where it stands (outputs already emitted stay emitted, as in jq,
/// so `[(1, error("x"), 2)?]` is `[1]`). Bound variables travel as an array indexed by the slots the parser gave
/// them.
///
/// Bounds (`JQLimits`): every `evaluate` counts one frame of depth and one step, and the costly operations charge
/// their size, so a run ends with `JQError.runtime` instead of exhausting the stack, memory or time. Not `Sendable`:
/// a run lives on one thread, inside `JQProgram.run`.
final class JQExecution {
    typealias Emit = (JQValue) throws -> Void

    private var stepsRemaining = JQLimits.evaluationStepsMax
    private var depth = 0
    private let stack = JQStackBudget()
    /// The time `now` returns: read once per run, so a query sees one instant.
    let now: Double
    /// Compiled regular expressions, shared with the program's other runs.
    let regexCache: JQRegexCache

    init(now: Double, regexCache: JQRegexCache) {
        self.now = now
        self.regexCache = regexCache
    }

    /// The work units spent so far.
    var stepsUsed: Int { JQLimits.evaluationStepsMax - stepsRemaining }

    /// Spends `units` of the run's budget.
    func charge(_ units: Int) throws {
        stepsRemaining -= units
        if stepsRemaining < 0 {
            throw JQError.runtime("jq program exceeded its budget of \(JQLimits.evaluationStepsMax) evaluation steps")
        }
    }

    /// Returns `value` if it is within the size and depth bounds of values a run may build.
    func admit(_ value: JQValue) throws -> JQValue {
        if value.depth > JQLimits.valueDepthMax {
            throw JQError.runtime("value nested too deeply (more than \(JQLimits.valueDepthMax) levels)")
        }
        if value.weight > JQLimits.valueWeightMax {
            throw JQError.runtime("value too large (more than \(JQLimits.valueWeightMax) units)")
        }
        return value
    }

    func evaluate(_ node: JQNode, _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= JQLimits.evaluationDepthMax else {
            throw JQError.runtime("jq program nested too deeply (more than \(JQLimits.evaluationDepthMax) frames)")
        }
        guard !stack.isExhausted else {
            throw JQError.runtime("jq program nested too deeply (more than \(JQLimits.stackBytesMax) bytes of stack)")
        }
        try charge(1)
        switch node.kind {
        case .identity: try emit(input)
        case .literal(let value): try emit(value)
        case .variable(let slot): try emit(bindings[slot])
        case .pipe(let left, let right): try evaluatePipe(left, right, input, bindings, emit)
        case .index(let target, let key, let isOptional):
            try evaluateIndex(target, key, isOptional, input, bindings, emit)
        case .call(let builtin, let arguments): try evaluateCall(builtin, arguments, input, bindings, emit)
        default: try evaluateOther(node, input, bindings, emit)
        }
    }

    private func evaluatePipe(_ left: JQNode, _ right: JQNode, _ input: JQValue, _ bindings: [JQValue],
                              _ emit: Emit) throws {
        try evaluate(left, input, bindings) { value in try self.evaluate(right, value, bindings, emit) }
    }

    private func evaluateConditional(_ condition: JQNode, _ yes: JQNode, _ no: JQNode, _ input: JQValue,
                                     _ bindings: [JQValue], _ emit: Emit) throws {
        try evaluate(condition, input, bindings) { test in
            try self.evaluate(test.isTruthy ? yes : no, input, bindings, emit)
        }
    }

    /// The less frequent forms, apart from `evaluate` so that its frame, which every nested expression adds to
    /// the stack, stays small.
    private func evaluateOther(_ node: JQNode, _ input: JQValue, _ bindings: [JQValue], _ emit: Emit) throws {
        switch node.kind {
        case .identity, .literal, .variable, .pipe, .index, .call:
            preconditionFailure("handled by evaluate")
        case .format(let format): try emit(.string(try formatted(format, input)))
        case .string(let parts, let format): try evaluateString(parts, format, input, bindings, emit)
        case .slice(let target, let from, let to, let isOptional):
            try evaluateSlice(target, from, to, isOptional, input, bindings, emit)
        case .iterate(let target, let isOptional): try evaluateIterate(target, isOptional, input, bindings, emit)
        case .attempt(let body, let handler): try evaluateAttempt(body, handler, input, bindings, emit)
        case .comma(let items):
            for item in items { try evaluate(item, input, bindings, emit) }
        case .negate(let operand): try evaluateNegate(operand, input, bindings, emit)
        case .arithmetic(let operation, let left, let right):
            try evaluateArithmetic(operation, left, right, input, bindings, emit)
        case .comparison(let operation, let left, let right):
            try evaluateComparison(operation, left, right, input, bindings, emit)
        case .and(let left, let right): try evaluateLogic(isAnd: true, left, right, input, bindings, emit)
        case .or(let left, let right): try evaluateLogic(isAnd: false, left, right, input, bindings, emit)
        case .alternative(let left, let right): try evaluateAlternative(left, right, input, bindings, emit)
        case .conditional(let condition, let yes, let no):
            try evaluateConditional(condition, yes, no, input, bindings, emit)
        case .bind(let source, let slot, let body): try evaluateBind(source, slot, body, input, bindings, emit)
        case .reduce(let source, let slot, let initial, let update):
            try evaluateReduce(source, slot, initial, update, input, bindings, emit)
        case .collect(let body): try evaluateCollect(body, input, bindings, emit)
        case .object(let entries): try evaluateObject(entries, input, bindings, emit)
        }
    }
}
