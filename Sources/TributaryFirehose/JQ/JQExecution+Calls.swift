/// Calls of builtins: the ones that run an argument as a filter, and the ones that take argument values (every
/// combination of the arguments' outputs, the first argument varying slowest).
extension JQExecution {
    func evaluateCall(_ builtin: JQBuiltin, _ arguments: [JQNode], _ input: JQValue, _ bindings: [JQValue],
                      _ emit: Emit) throws {
        switch builtin {
        case .empty:
            return
        case .error:
            // jq 1.6 treats an error whose value is null as no output at all (its "backtrack" signal).
            if case .null = input { return }
            throw JQFailure(input)
        case .errorWithMessage:
            try evaluate(arguments[0], input, bindings) { value in
                if case .null = value { return }
                throw JQFailure(value)
            }
        case .map:
            var results: [JQValue] = []
            for element in try JQAccess.iterate(input) {
                try evaluate(arguments[0], element, bindings) { value in
                    try self.charge(1)
                    results.append(value)
                }
            }
            try emit(try admit(.array(JQArray(results))))
        case .select:
            try evaluate(arguments[0], input, bindings) { test in
                if test.isTruthy { try emit(input) }
            }
        case .substitute, .substituteWithFlags, .substituteAll, .substituteAllWithFlags:
            try evaluateSubstitution(builtin, arguments, input, bindings, emit)
        default:
            try evaluateArguments(arguments[...], [], input, bindings) { values in
                try emit(try self.admit(try self.apply(builtin, input, values)))
            }
        }
    }

    /// Runs `body` once per combination of the arguments' values, the first argument varying slowest.
    func evaluateArguments(_ arguments: ArraySlice<JQNode>, _ values: [JQValue], _ input: JQValue,
                           _ bindings: [JQValue], _ body: ([JQValue]) throws -> Void) throws {
        guard let first = arguments.first else { return try body(values) }
        try evaluate(first, input, bindings) { value in
            try self.evaluateArguments(arguments.dropFirst(), values + [value], input, bindings, body)
        }
    }

    /// The builtins with exactly one output per input and argument values.
    func apply(_ builtin: JQBuiltin, _ input: JQValue, _ arguments: [JQValue]) throws -> JQValue {
        switch builtin {
        case .not: return .boolean(!input.isTruthy)
        case .type: return .string(input.typeName)
        case .length, .utf8ByteLength, .keys, .keysUnsorted, .has, .inside, .contains, .toEntries:
            return try applyStructural(builtin, input, arguments)
        case .toString, .toJSON, .fromJSON, .toNumber:
            return try applyConversion(builtin, input)
        case .asciiDowncase, .asciiUpcase, .trimPrefix, .trimSuffix, .startsWith, .endsWith, .split, .join, .test,
             .testWithFlags:
            return try applyText(builtin, input, arguments)
        case .add, .first, .last, .minimum, .maximum, .sort, .unique, .reverse:
            return try applyCollection(builtin, input)
        case .floor, .ceil, .round, .squareRoot:
            return try applyMath(builtin, input)
        case .now, .toDate, .toDateISO8601, .fromDate, .fromDateISO8601, .formatTime, .parseTime, .makeTime,
             .breakDownTime:
            return try applyTime(builtin, input, arguments)
        case .empty, .error, .errorWithMessage, .map, .select, .substitute, .substituteWithFlags, .substituteAll,
             .substituteAllWithFlags:
            preconditionFailure("\(builtin.rawValue) is evaluated by evaluateCall")
        }
    }

    private func applyMath(_ builtin: JQBuiltin, _ input: JQValue) throws -> JQValue {
        guard case .number(let number) = input else { throw JQFailure.type(input, "number required") }
        switch builtin {
        case .floor: return .number(number.rounded(.down))
        case .ceil: return .number(number.rounded(.up))
        case .round: return .number(number.rounded(.toNearestOrAwayFromZero))
        default: return .number(number < 0 ? .nan : number.squareRoot())
        }
    }
}
