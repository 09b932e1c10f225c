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
            try charge(1 + text.utf8.count / 64)
            let count = affix.utf8.count
            if builtin == .trimPrefix {
                return JQStrings.hasPrefix(text, affix) ? .string(JQStrings.droppingPrefix(text, count)) : input
            }
            return JQStrings.hasSuffix(text, affix) ? .string(JQStrings.droppingSuffix(text, count)) : input
        case .startsWith, .endsWith:
            let name = builtin == .startsWith ? "startswith" : "endswith"
            guard case .string(let text) = input, case .string(let affix) = arguments[0] else {
                throw JQFailure(message: "\(name)() requires string inputs")
            }
            try charge(affix.utf8.count / 64)
            let matches = builtin == .startsWith ? JQStrings.hasPrefix(text, affix) : JQStrings.hasSuffix(text, affix)
            return .boolean(matches)
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

    /// jq 1.6's `join` (`reduce .[] as $x (null; (if . == null then "" else . + $sep end) + ($x | …)) // ""`):
    /// null elements count as "", numbers and booleans as their JSON text, strings as themselves; any other element,
    /// or a separator that cannot be added to a string, fails as that `+` does. Built by appending, in linear time.
    private func join(_ input: JQValue, _ separator: JQValue) throws -> JQValue {
        var text = ""
        for (index, element) in try JQAccess.iterate(input).enumerated() {
            try charge(1)
            if index > 0 {
                switch separator {
                case .string(let piece): try appendPiece(piece, to: &text)
                case .null: break
                default: throw JQFailure.types(.string(text), separator, "cannot be added")
                }
            }
            switch element {
            case .null: break
            case .string(let piece): try appendPiece(piece, to: &text)
            case .boolean, .number: try appendPiece(element.jsonText, to: &text)
            default: throw JQFailure.types(.string(text), element, "cannot be added")
            }
        }
        return .string(text)
    }

    private func appendPiece(_ piece: String, to text: inout String) throws {
        guard text.utf8.count + piece.utf8.count <= JQLimits.stringBytesMax else {
            throw JQError.runtime("string too long (more than \(JQLimits.stringBytesMax) bytes)")
        }
        try charge(piece.utf8.count / 64)
        text += piece
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
        guard case .string(let text) = input else {
            throw JQFailure.type(input, "cannot be matched, as it is not a string")
        }
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
        try charge(1 + pattern.utf8.count / 16)
        return try regexCache.regex(pattern: pattern, flags: flags)
    }
}
