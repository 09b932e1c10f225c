/// String literals, object constructors and the keyword expressions (`if`, `reduce`, `try`).
extension JQParser {
    /// At `stringStart`: reads the literal through the lexer, parsing each `\(…)` as a nested program.
    mutating func parseString(format: JQFormat?) throws(JQError) -> JQNode {
        var parts: [JQStringPart] = []
        var hasInterpolation = false
        while true {
            let (text, endsString) = try lexer.readStringPart()
            if !text.isEmpty { parts.append(.text(text)) }
            if endsString { break }
            try advance()
            let expression = try parsePipe()
            // The lexer stands right after `)`; the string goes on from there.
            guard isSymbol(")") else { throw unexpected() }
            parts.append(.interpolation(expression))
            hasInterpolation = true
        }
        try advance()
        guard hasInterpolation else {
            var text = ""
            for case .text(let piece) in parts { text += piece }
            return try make(.literal(.string(text)))
        }
        return try make(.string(parts: parts, format: format))
    }

    /// `{ entry, … }` where an entry is `name: v`, `"text": v`, `(expression): v`, or a shorthand `name`, `"text"`,
    /// `$name`; a trailing comma is allowed. Keywords may be names (`{if: 1}`).
    mutating func parseObject() throws(JQError) -> JQNode {
        try enter()
        defer { nesting -= 1 }
        try advance()
        var entries: [(key: JQNode, value: JQNode)] = []
        while !isSymbol("}") {
            entries.append(try parseObjectEntry())
            if isSymbol(",") {
                try advance()
            } else if !isSymbol("}") {
                throw unexpected()
            }
        }
        try advance()
        return try make(.object(entries))
    }

    private mutating func parseObjectEntry() throws(JQError) -> (key: JQNode, value: JQNode) {
        switch current {
        case .variable(let name):
            guard let slot = scope.lastIndex(of: name) else { throw error("$\(name) is not defined") }
            try advance()
            return (try make(.literal(.string(name))), try make(.variable(slot: slot)))
        case .identifier(let name):
            try advance()
            let key = try make(.literal(.string(name)))
            return (key, try parseObjectValueOrShorthand(key: key))
        case .stringStart:
            let key = try parseString(format: nil)
            return (key, try parseObjectValueOrShorthand(key: key))
        case .symbol("("):
            try advance()
            let keyOffset = currentOffset
            let key = try parsePipe()
            if let constant = Self.constantValue(key) {
                guard case .string = constant else {
                    let shown = "\(constant.typeName) (\(constant.truncatedJSONText))"
                    throw lexer.syntaxError("Cannot use \(shown) as object key", at: keyOffset)
                }
            }
            try expect(")")
            try expect(":")
            return (key, try parseObjectValue())
        default:
            throw unexpected()
        }
    }

    /// The value of an expression built only from literals (`1`, `[]`, `{a: [1]}`), which jq 1.6 computes while
    /// compiling; nil for anything that depends on the input.
    static func constantValue(_ node: JQNode) -> JQValue? {
        switch node.kind {
        case .literal(let value): return value
        case .collect(nil): return .array([])
        case .collect(let body?):
            if case .comma(let items) = body.kind {
                var elements: [JQValue] = []
                for item in items {
                    guard let element = constantValue(item) else { return nil }
                    elements.append(element)
                }
                return .array(JQArray(elements))
            }
            return constantValue(body).map { .array([$0]) }
        case .object(let entries):
            var object = JQObject()
            for entry in entries {
                guard case .string(let name)? = constantValue(entry.key), let value = constantValue(entry.value) else {
                    return nil
                }
                object[name] = value
            }
            return .object(object)
        default:
            return nil
        }
    }

    private mutating func parseObjectValueOrShorthand(key: JQNode) throws(JQError) -> JQNode {
        guard isSymbol(":") else { return try make(.index(target: try make(.identity), key: key, isOptional: false)) }
        try advance()
        return try parseObjectValue()
    }

    /// A member's value, as jq 1.6's grammar allows: a term, `-` and a value, or values joined by `|`
    /// (`{a: .b | length}`); anything else needs parentheses (`{a: (1 + 2)}`).
    mutating func parseObjectValue() throws(JQError) -> JQNode {
        let left: JQNode
        if isSymbol("-") {
            try advance()
            left = try make(.negate(try parseObjectValueTerm()))
        } else {
            left = try parsePostfix(asTerm: true)
        }
        guard isSymbol("|") else { return left }
        try advance()
        try enter()
        defer { nesting -= 1 }
        return try make(.pipe(left, try parseObjectValue()))
    }

    private mutating func parseObjectValueTerm() throws(JQError) -> JQNode {
        guard isSymbol("-") else { return try parsePostfix(asTerm: true) }
        try advance()
        try enter()
        defer { nesting -= 1 }
        return try make(.negate(try parseObjectValueTerm()))
    }

    /// `if c then a (elif c then a)* else b end`; jq 1.6 requires the `else`.
    mutating func parseConditional() throws(JQError) -> JQNode {
        try advance()
        let condition = try parsePipe()
        try expectKeyword("then")
        let yes = try parsePipe()
        return try make(.conditional(condition: condition, yes: yes, no: try parseConditionalTail()))
    }

    private mutating func parseConditionalTail() throws(JQError) -> JQNode {
        if isKeyword("elif") {
            try advance()
            try enter()
            defer { nesting -= 1 }
            let condition = try parsePipe()
            try expectKeyword("then")
            let yes = try parsePipe()
            return try make(.conditional(condition: condition, yes: yes, no: try parseConditionalTail()))
        }
        if isKeyword("end") { throw error("syntax error, 'if' without 'else' (jq 1.6 requires 'else')") }
        try expectKeyword("else")
        let no = try parsePipe()
        try expectKeyword("end")
        return no
    }

    /// `reduce source as $name (initial; update)`: `$name` is in scope in `update` only.
    mutating func parseReduce() throws(JQError) -> JQNode {
        try advance()
        let source = try parsePostfix(asTerm: true)
        try expectKeyword("as")
        let name = try parseVariableName()
        try expect("(")
        let initial = try parsePipe()
        try expect(";")
        let slot = scope.count
        scope.append(name)
        let update = try parsePipe()
        scope.removeLast()
        try expect(")")
        return try make(.reduce(source: source, slot: slot, initial: initial, update: update))
    }

    /// `try body` or `try body catch handler`; both bind as tightly as a postfix term, as in jq 1.6
    /// (`try 1, error("x")` is `(try 1), error("x")`).
    mutating func parseTry() throws(JQError) -> JQNode {
        try enter()
        defer { nesting -= 1 }
        try advance()
        let body = try parseTryOperand()
        guard isKeyword("catch") else { return try make(.attempt(body: body, handler: nil)) }
        try advance()
        return try make(.attempt(body: body, handler: try parseTryOperand()))
    }

    private mutating func parseTryOperand() throws(JQError) -> JQNode {
        if case .identifier(let name) = current, ["if", "reduce", "try"].contains(name) { return try parseUnary() }
        // `try -x` takes a whole product after the minus, as jq 1.6's precedence rules give.
        if isSymbol("-") { return try parseUnary() }
        return try parsePostfix(asTerm: true)
    }
}
