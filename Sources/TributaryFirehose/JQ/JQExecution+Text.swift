import Foundation

/// String builtins: case, trimming, prefixes, `split`, `join`, `test`, `sub` and `gsub`, with jq 1.6's errors.
extension JQExecution {
    func applyText(_ builtin: JQBuiltin, _ input: JQValue, _ arguments: [JQValue]) throws -> JQValue {
        switch builtin {
        case .asciiDowncase, .asciiUpcase:
            guard case .string(let text) = input else { throw JQFailure(message: "explode input must be a string") }
            try charge(1 + text.utf8.count / 64)
            return .string(JQStrings.asciiCase(text, upper: builtin == .asciiUpcase))
        case .trimPrefix, .trimSuffix:
            guard case .string(let text) = input, case .string(let affix) = arguments[0] else { return input }
            if builtin == .trimPrefix {
                return JQStrings.hasPrefix(text, affix) ? .string(JQStrings.droppingPrefix(text, affix.utf8.count)) : input
            }
            return JQStrings.hasSuffix(text, affix) ? .string(JQStrings.droppingSuffix(text, affix.utf8.count)) : input
        case .startsWith, .endsWith:
            let name = builtin == .startsWith ? "startswith" : "endswith"
            guard case .string(let text) = input, case .string(let affix) = arguments[0] else {
                throw JQFailure(message: "\(name)() requires string inputs")
            }
            return .boolean(builtin == .startsWith ? JQStrings.hasPrefix(text, affix) : JQStrings.hasSuffix(text, affix))
        case .split:
            guard case .string(let text) = input, case .string(let separator) = arguments[0] else {
                throw JQFailure(message: "split input and separator must be strings")
            }
            try charge(1 + text.utf8.count / 16)
            return .array(JQArray(JQStrings.split(text, by: separator).map { .string($0) }))
        case .join:
            return try join(input, arguments[0])
        default:
            let (text, regex) = try regexOperands(input, arguments[0], builtin == .testWithFlags ? arguments[1] : nil)
            return .boolean(!(try regex.matches(in: text, self).isEmpty))
        }
    }

    /// jq 1.6's `join`: null elements count as "", numbers and booleans as their JSON text, strings as themselves;
    /// other elements fail when added to the text, as jq's definition does.
    private func join(_ input: JQValue, _ separator: JQValue) throws -> JQValue {
        var state: JQValue = .null
        for element in try JQAccess.iterate(input) {
            let prefix = state == .null ? JQValue.string("") : try JQArithmetic.add(state, separator, self)
            let piece: JQValue = switch element {
            case .null: .string("")
            case .boolean, .number: .string(element.jsonText)
            default: element
            }
            state = try JQArithmetic.add(prefix, piece, self)
        }
        return state.isTruthy ? state : .string("")
    }

    /// The input string and the compiled expression of `test`, `sub` and `gsub`: the regex argument is a string or
    /// `[regex, flags]`, as jq 1.6 accepts.
    func regexOperands(_ input: JQValue, _ pattern: JQValue, _ flags: JQValue?) throws -> (String, JQRegex) {
        var patternValue = pattern, flagsValue = flags ?? .null
        if flags == nil {
            switch pattern {
            case .string: break
            case .array(let array) where array.count >= 1:
                patternValue = array[0]
                flagsValue = array.count > 1 ? array[1] : .null
            default:
                throw JQFailure(message: "\(pattern.typeName) not a string or array")
            }
        }
        guard case .string(let text) = input else { throw JQFailure.type(input, "cannot be matched, as it is not a string") }
        guard case .string(let expression) = patternValue else {
            throw JQFailure.type(patternValue, "cannot be matched, as it is not a string")
        }
        let flagText: String
        switch flagsValue {
        case .null: flagText = ""
        case .string(let value): flagText = value
        default: throw JQFailure.type(flagsValue, "is not a string")
        }
        return (text, try compiledRegex(expression, flagText))
    }

    private func compiledRegex(_ pattern: String, _ flags: String) throws -> JQRegex {
        let key = flags + "/" + pattern
        if let cached = regexCache[key] { return cached }
        try charge(1 + pattern.utf8.count)
        let regex = try JQRegex(pattern: pattern, flags: flags)
        regexCache[key] = regex
        return regex
    }
}
