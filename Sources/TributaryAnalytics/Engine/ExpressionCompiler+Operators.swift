import TributarySQL

/// Operators: arithmetic, comparison, logic and concatenation through the value library's type rules.
extension ExpressionCompiler {
    func unary(_ op: UnaryOperator, _ operand: CompiledExpression, at position: SourcePosition)
        throws(CodeValidationError) -> CompiledExpression {
        let type: SQLType
        do { type = try SQLTypeRules.unaryResultType(op, operand.type) } catch {
            throw CodeValidationError(error.message, at: position)
        }
        let evaluate = operand.evaluate
        return CompiledExpression(type: type) { row, context in
            try SQLOperators.apply(op, try evaluate(row, context), resultType: type)
        }
    }

    func binary(_ op: BinaryOperator, _ left: CompiledExpression, _ right: CompiledExpression,
                at position: SourcePosition) throws(CodeValidationError) -> CompiledExpression {
        let type: SQLType
        do { type = try SQLTypeRules.binaryResultType(op, left.type, right.type) } catch {
            throw CodeValidationError(error.message, at: position)
        }
        let l = left.evaluate, r = right.evaluate
        switch op {
        case .and:
            // Three-valued, and the right side is not computed when the left already decides.
            return CompiledExpression(type: type) { row, context in
                let first = try l(row, context)
                if first == .boolean(false) { return first }
                return try SQLOperators.apply(op, first, try r(row, context), resultType: type)
            }
        case .or:
            return CompiledExpression(type: type) { row, context in
                let first = try l(row, context)
                if first == .boolean(true) { return first }
                return try SQLOperators.apply(op, first, try r(row, context), resultType: type)
            }
        default:
            return CompiledExpression(type: type) { row, context in
                try SQLOperators.apply(op, try l(row, context), try r(row, context), resultType: type)
            }
        }
    }

    func between(_ operand: CompiledExpression, _ low: CompiledExpression, _ high: CompiledExpression,
                 negated: Bool, at position: SourcePosition) throws(CodeValidationError) -> CompiledExpression {
        try requireComparable(operand.type, low.type, at: position)
        try requireComparable(operand.type, high.type, at: position)
        let value = operand.evaluate, lower = low.evaluate, upper = high.evaluate
        return CompiledExpression(type: .boolean) { row, context in
            let v = try value(row, context)
            guard let below = v.compare(try lower(row, context)), let above = v.compare(try upper(row, context)) else {
                return .null
            }
            return .boolean((below >= 0 && above <= 0) != negated)
        }
    }

    func inList(_ operand: CompiledExpression, _ list: [CompiledExpression], negated: Bool,
                at position: SourcePosition) throws(CodeValidationError) -> CompiledExpression {
        for element in list { try requireComparable(operand.type, element.type, at: position) }
        let value = operand.evaluate
        let elements = list.map(\.evaluate)
        return CompiledExpression(type: .boolean) { row, context in
            let v = try value(row, context)
            if v.isNull { return .null }
            var sawNull = false
            for element in elements {
                switch v.compare(try element(row, context)) {
                case 0?: return .boolean(!negated)
                case nil: sawNull = true
                default: break
                }
            }
            return sawNull ? .null : .boolean(negated)
        }
    }

    func like(_ operand: CompiledExpression, _ pattern: CompiledExpression, _ escape: CompiledExpression?,
              negated: Bool, similar: Bool, at position: SourcePosition) throws(CodeValidationError)
        -> CompiledExpression {
        for type in [operand.type, pattern.type] + (escape.map { [$0.type] } ?? []) where
            !(type.isCharacter || type == .unknown) {
            let name = similar ? "SIMILAR TO" : "LIKE"
            throw CodeValidationError("Cannot apply '\(name)' to arguments of type '<\(type.sqlText)>'", at: position)
        }
        let value = operand.evaluate, patternValue = pattern.evaluate, escapeValue = escape?.evaluate
        let matcher: @Sendable (String, String, String?) throws -> Bool = { text, pattern, escape in
            similar ? try SimilarToPattern(pattern: pattern, escape: escape).matches(text)
                : try LikePattern(pattern: pattern, escape: escape).matches(text)
        }
        // A constant pattern (the usual case) is compiled once.
        if case .string(let text)? = pattern.constant, escape == nil || escape?.constant != nil {
            let escapeText: String?
            if case .string(let e)? = escape?.constant { escapeText = e } else { escapeText = nil }
            let compiled: @Sendable (String) -> Bool
            do {
                if similar {
                    let p = try SimilarToPattern(pattern: text, escape: escapeText)
                    compiled = { p.matches($0) }
                } else {
                    let p = try LikePattern(pattern: text, escape: escapeText)
                    compiled = { p.matches($0) }
                }
            } catch {
                throw CodeValidationError(error.message, at: position)
            }
            return CompiledExpression(type: .boolean) { row, context in
                guard case .string(let text) = try value(row, context) else { return .null }
                return .boolean(compiled(text) != negated)
            }
        }
        return CompiledExpression(type: .boolean) { row, context in
            guard case .string(let text) = try value(row, context),
                  case .string(let pattern) = try patternValue(row, context) else { return .null }
            var escapeText: String?
            if let escapeValue {
                guard case .string(let e) = try escapeValue(row, context) else { return .null }
                escapeText = e
            }
            return .boolean(try matcher(text, pattern, escapeText) != negated)
        }
    }

    func requireComparable(_ left: SQLType, _ right: SQLType, at position: SourcePosition)
        throws(CodeValidationError) {
        do { _ = try SQLTypeRules.binaryResultType(.equal, left, right) } catch {
            throw CodeValidationError(error.message, at: position)
        }
    }
}
