/// Unary minus, the keyword expressions, postfix chains and primary terms.
extension JQParser {
    mutating func parseUnary() throws(JQError) -> JQNode {
        if isSymbol("-") {
            try advance()
            try enter()
            defer { nesting -= 1 }
            return try make(.negate(try parseBinary(JQBinaryOperator.multiplicativePrecedence)))
        }
        if case .identifier(let name) = current, Self.keywords.contains(name) {
            return try parseKeywordExpression(name)
        }
        return try parsePostfix(asTerm: false)
    }

    /// `if`, `reduce` and `try` expressions, each optionally followed by `?` (jq 1.6 allows `?` after any
    /// expression, but no path).
    private mutating func parseKeywordExpression(_ name: String) throws(JQError) -> JQNode {
        var node: JQNode
        switch name {
        case "if": node = try parseConditional()
        case "reduce": node = try parseReduce()
        case "try": node = try parseTry()
        case "def", "foreach", "label", "import", "include": throw error("'\(name)' is not supported")
        default: return try parsePostfix(asTerm: false)
        }
        while isSymbol("?") {
            try advance()
            node = try make(.attempt(body: node, handler: nil))
        }
        return node
    }

    /// A primary term followed by any number of `.name`, `."name"`, `[…]` and `?`, then optionally `as $x | body`.
    /// `asTerm` parses what jq 1.6's grammar calls a term (an object member's value, the source of `reduce`, the
    /// operand of `try`): no `as` binding and no `?` except right after a path step.
    mutating func parsePostfix(asTerm: Bool) throws(JQError) -> JQNode {
        var node = try parsePrimary()
        while true {
            if !asTerm && isKeyword("as") {
                try advance()
                return try parseBinding(source: node)
            }
            if asTerm && isSymbol("?") { return node }
            guard let extended = try parseSuffix(of: node) else { return node }
            node = extended
        }
    }

    /// One `.name`, `."name"`, `[…]` or `?` after `node`; nil when none follows.
    private mutating func parseSuffix(of node: JQNode) throws(JQError) -> JQNode? {
        switch current {
        case .field(let name):
            try advance()
            return try optionalPath(try make(.index(target: node, key: try make(.literal(.string(name))),
                                                    isOptional: false)))
        case .dot:
            try advance()
            guard current == .stringStart else { throw unexpected() }
            let key = try parseString(format: nil)
            return try optionalPath(try make(.index(target: node, key: key, isOptional: false)))
        case .symbol("["):
            try advance()
            return try optionalPath(try parseBracketSuffix(target: node))
        case .symbol("?"):
            try advance()
            return try make(.attempt(body: node, handler: nil))
        default:
            return nil
        }
    }

    /// A `?` right after a path step (`.a?`, `."a"?`, `.[k]?`, `.[]?`, `.[a:b]?`) makes that step optional: only its
    /// own error is dropped, not its target's and not later ones, as in jq 1.6 (`5 | .a.b?` fails on `.a`).
    private mutating func optionalPath(_ node: JQNode) throws(JQError) -> JQNode {
        guard isSymbol("?") else { return node }
        try advance()
        switch node.kind {
        case .index(let target, let key, _): return try make(.index(target: target, key: key, isOptional: true))
        case .slice(let target, let from, let to, _):
            return try make(.slice(target: target, from: from, to: to, isOptional: true))
        case .iterate(let target, _): return try make(.iterate(target: target, isOptional: true))
        default: return try make(.attempt(body: node, handler: nil))
        }
    }

    /// After `target[`: `]` iterates, `k]` indexes, `from:to]` (either bound optional) slices.
    private mutating func parseBracketSuffix(target: JQNode) throws(JQError) -> JQNode {
        if isSymbol("]") {
            try advance()
            return try make(.iterate(target: target, isOptional: false))
        }
        if isSymbol(":") {
            try advance()
            let to = try parsePipe()
            try expect("]")
            return try make(.slice(target: target, from: nil, to: to, isOptional: false))
        }
        let key = try parsePipe()
        if isSymbol(":") {
            try advance()
            if isSymbol("]") {
                try advance()
                return try make(.slice(target: target, from: key, to: nil, isOptional: false))
            }
            let to = try parsePipe()
            try expect("]")
            return try make(.slice(target: target, from: key, to: to, isOptional: false))
        }
        try expect("]")
        return try make(.index(target: target, key: key, isOptional: false))
    }

    /// After `source as`: `$name | body`, with `$name` in scope for the body only.
    private mutating func parseBinding(source: JQNode) throws(JQError) -> JQNode {
        let name = try parseVariableName()
        try expect("|")
        let slot = scope.count
        scope.append(name)
        defer { scope.removeLast() }
        return try make(.bind(source: source, slot: slot, body: try parsePipe()))
    }

    mutating func parseVariableName() throws(JQError) -> String {
        guard case .variable(let name) = current else {
            if isSymbol("[") || isSymbol("{") { throw error("destructuring patterns are not supported") }
            throw error("syntax error, unexpected \(current.quoted), expecting '$name'")
        }
        try advance()
        return name
    }

    /// A primary term. The recursive cases (parentheses, brackets, braces) go through small functions of their own:
    /// the frames on the path of nested input stay small, so deep nesting uses little stack.
    mutating func parsePrimary() throws(JQError) -> JQNode {
        if case .symbol(let text) = current {
            switch text {
            case "(": return try parseParenthesized()
            case "[": return try parseArrayConstructor()
            case "{": return try parseObject()
            default: throw unexpected()
            }
        }
        if current == .stringStart { return try parseString(format: nil) }
        if case .identifier(let name) = current { return try parseNamedTerm(name) }
        return try parseSimpleTerm()
    }

    private mutating func parseParenthesized() throws(JQError) -> JQNode {
        try advance()
        let inner = try parsePipe()
        try expect(")")
        return inner
    }

    private mutating func parseArrayConstructor() throws(JQError) -> JQNode {
        try advance()
        if isSymbol("]") {
            try advance()
            return try make(.collect(nil))
        }
        let body = try parsePipe()
        try expect("]")
        return try make(.collect(body))
    }

    /// `.`, `."name"`, `.name`, numbers, `@format` (with an optional string), `$name`.
    private mutating func parseSimpleTerm() throws(JQError) -> JQNode {
        switch current {
        case .dot:
            try advance()
            if current == .stringStart {
                let key = try parseString(format: nil)
                return try optionalPath(try make(.index(target: try make(.identity), key: key, isOptional: false)))
            }
            return try make(.identity)
        case .dotDot:
            throw error("'..' (recursion) is not supported")
        case .field(let name):
            try advance()
            let key = try make(.literal(.string(name)))
            return try optionalPath(try make(.index(target: try make(.identity), key: key, isOptional: false)))
        case .number(let number):
            try advance()
            return try make(.literal(.number(number)))
        case .format(let name):
            try advance()
            guard let format = JQFormat(rawValue: name) else {
                // jq 1.6 accepts the program and fails when the format runs.
                let message = try make(.literal(.string("\(name) is not a valid format")))
                return try make(.call(.errorWithMessage, [message]))
            }
            if current == .stringStart { return try parseString(format: format) }
            return try make(.format(format))
        case .variable(let name):
            guard let slot = scope.lastIndex(of: name) else { throw error("$\(name) is not defined") }
            try advance()
            return try make(.variable(slot: slot))
        default:
            throw unexpected()
        }
    }

    /// `true`, `false`, `null`, or a builtin call `name` / `name(a; b; …)`.
    private mutating func parseNamedTerm(_ name: String) throws(JQError) -> JQNode {
        switch name {
        case "true", "false":
            try advance()
            return try make(.literal(.boolean(name == "true")))
        case "null":
            try advance()
            return try make(.literal(.null))
        default:
            break
        }
        guard !Self.keywords.contains(name) else { throw unexpected() }
        let nameOffset = currentOffset
        try advance()
        var arguments: [JQNode] = []
        if isSymbol("(") {
            try advance()
            arguments.append(try parsePipe())
            while isSymbol(";") {
                try advance()
                arguments.append(try parsePipe())
            }
            try expect(")")
        }
        guard let builtin = JQBuiltin(name: name, arity: arguments.count) else {
            throw lexer.syntaxError("\(name)/\(arguments.count) is not defined", at: nameOffset)
        }
        return try make(.call(builtin, arguments))
    }
}
