/// Unary minus, the keyword expressions, postfix chains and primary terms.
extension JQParser {
    mutating func parseUnary() throws(JQError) -> JQNode {
        try enter()
        defer { nesting -= 1 }
        if isSymbol("-") {
            try advance()
            return try make(.negate(try parseMultiplicative()))
        }
        if case .identifier(let name) = current {
            switch name {
            case "if": return try parseConditional()
            case "reduce": return try parseReduce()
            case "try": return try parseTry()
            case "def", "foreach", "label", "import", "include":
                throw error("'\(name)' is not supported")
            default: break
            }
        }
        return try parsePostfix(allowsBinding: true)
    }

    /// A primary term followed by any number of `.name`, `."name"`, `[…]` and `?`, then optionally `as $x | body`.
    mutating func parsePostfix(allowsBinding: Bool) throws(JQError) -> JQNode {
        var node = try parsePrimary()
        while true {
            switch current {
            case .field(let name):
                try advance()
                node = try make(.index(target: node, key: try make(.literal(.string(name)))))
            case .dot:
                try advance()
                guard current == .stringStart else { throw unexpected() }
                node = try make(.index(target: node, key: try parseString(format: nil)))
            case .symbol("["):
                try advance()
                node = try parseBracketSuffix(target: node)
            case .symbol("?"):
                try advance()
                node = try make(.attempt(body: node, handler: nil))
            case .identifier("as") where allowsBinding:
                try advance()
                return try parseBinding(source: node)
            default:
                return node
            }
        }
    }

    /// After `target[`: `]` iterates, `k]` indexes, `from:to]` (either bound optional) slices.
    private mutating func parseBracketSuffix(target: JQNode) throws(JQError) -> JQNode {
        if isSymbol("]") {
            try advance()
            return try make(.iterate(target: target))
        }
        if isSymbol(":") {
            try advance()
            let to = try parsePipe()
            try expect("]")
            return try make(.slice(target: target, from: nil, to: to))
        }
        let key = try parsePipe()
        if isSymbol(":") {
            try advance()
            if isSymbol("]") {
                try advance()
                return try make(.slice(target: target, from: key, to: nil))
            }
            let to = try parsePipe()
            try expect("]")
            return try make(.slice(target: target, from: key, to: to))
        }
        try expect("]")
        return try make(.index(target: target, key: key))
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

    mutating func parsePrimary() throws(JQError) -> JQNode {
        switch current {
        case .dot:
            try advance()
            if current == .stringStart {
                return try make(.index(target: try make(.identity), key: try parseString(format: nil)))
            }
            return try make(.identity)
        case .dotDot:
            throw error("'..' (recursion) is not supported")
        case .field(let name):
            try advance()
            return try make(.index(target: try make(.identity), key: try make(.literal(.string(name)))))
        case .number(let number):
            try advance()
            return try make(.literal(.number(number)))
        case .stringStart:
            return try parseString(format: nil)
        case .format(let name):
            try advance()
            guard let format = JQFormat(rawValue: name) else {
                // jq 1.6 accepts the program and fails when the format runs.
                let message = try make(.literal(.string("\(name) is not a valid format")))
                return try make(.call(.errorWithMessage, [message]))
            }
            if current == .stringStart { return try parseString(format: format) }
            return try make(.format(format))
        case .symbol("("):
            try advance()
            let inner = try parsePipe()
            try expect(")")
            return inner
        case .symbol("["):
            try advance()
            if isSymbol("]") {
                try advance()
                return try make(.collect(nil))
            }
            let body = try parsePipe()
            try expect("]")
            return try make(.collect(body))
        case .symbol("{"):
            return try parseObject()
        case .variable(let name):
            guard let slot = scope.lastIndex(of: name) else { throw error("$\(name) is not defined") }
            try advance()
            return try make(.variable(slot: slot))
        case .identifier(let name):
            return try parseNamedTerm(name)
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
