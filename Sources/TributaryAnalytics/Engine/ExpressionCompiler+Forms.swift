import TributarySQL

/// CASE, CAST and function calls.
extension ExpressionCompiler {
    func caseWhen(_ operand: Expression?, _ branches: [CaseBranch], _ otherwise: Expression?,
                  at position: SourcePosition) throws(CodeValidationError) -> CompiledExpression {
        let subject = try operand.map { e throws(CodeValidationError) in try compile(e) }
        var conditions: [CompiledExpression.Evaluate] = []
        var results: [CompiledExpression] = []
        for branch in branches {
            let when = try compile(branch.when)
            if let subject {
                try requireComparable(subject.type, when.type, at: branch.when.position)
                let s = subject.evaluate, w = when.evaluate
                conditions.append { row, context in
                    .boolean(try s(row, context).compare(try w(row, context)) == 0)
                }
            } else {
                guard when.type == .boolean || when.type == .unknown else {
                    throw CodeValidationError("Expected a BOOLEAN condition in WHEN but got \(when.type.sqlText)",
                                              at: branch.when.position)
                }
                conditions.append(when.evaluate)
            }
            results.append(try compile(branch.then))
        }
        let fallback = try otherwise.map { e throws(CodeValidationError) in try compile(e) }
        let type: SQLType
        do { type = try SQLTypeRules.commonType(results.map(\.type) + (fallback.map { [$0.type] } ?? [])) } catch {
            throw CodeValidationError(error.message, at: position)
        }
        let tests = conditions
        let outcomes = results.map(\.evaluate), outcomeTypes = results.map(\.type)
        let otherwiseValue = fallback?.evaluate, otherwiseType = fallback?.type
        return CompiledExpression(type: type) { row, context in
            for (index, condition) in tests.enumerated() where try condition(row, context) == .boolean(true) {
                return try outcomes[index](row, context).cast(to: type, from: outcomeTypes[index])
            }
            return try otherwiseValue?(row, context).cast(to: type, from: otherwiseType) ?? .null
        }
    }

    func cast(_ operand: CompiledExpression, to type: SQLType, at position: SourcePosition)
        throws(CodeValidationError) -> CompiledExpression {
        guard operand.type == .unknown || SQLTypeRules.canCast(from: operand.type, to: type) else {
            throw CodeValidationError(
                "Cast function cannot convert value of type \(operand.type.sqlText) to type \(type.sqlText)",
                at: position)
        }
        let value = operand.evaluate, source = operand.type
        return CompiledExpression(type: type) { row, context in try value(row, context).cast(to: type, from: source) }
    }

    func call(_ call: FunctionCall) throws(CodeValidationError) -> CompiledExpression {
        if call.over != nil {
            throw CodeValidationError("Windowed aggregate expression is illegal in \(clause) clause", at: call.position)
        }
        if AggregateLibrary.isAggregate(call.name) {
            throw CodeValidationError("Aggregate expression is illegal in \(clause) clause", at: call.position)
        }
        var arguments: [FunctionArgument] = []
        var evaluators: [CompiledExpression.Evaluate] = []
        for argument in call.arguments {
            if case .keyword(let word, _) = argument {
                arguments.append(.keyword(word))
                let value = SQLValue.string(word)
                evaluators.append { _, _ in value }
            } else {
                let compiled = try compile(argument)
                arguments.append(.value(compiled.type))
                evaluators.append(compiled.evaluate)
            }
        }
        let function: ScalarFunction
        do { function = try ScalarFunctionLibrary.resolve(name: call.name, arguments: arguments) } catch {
            throw CodeValidationError(error.message, at: call.position)
        }
        let evaluate = function.evaluate, operands = evaluators
        return CompiledExpression(type: function.resultType) { row, context in
            var values: [SQLValue] = []
            values.reserveCapacity(operands.count)
            for evaluator in operands { values.append(try evaluator(row, context)) }
            return try evaluate(values, context)
        }
    }
}
