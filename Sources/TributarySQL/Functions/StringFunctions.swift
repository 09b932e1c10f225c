/// The string and search functions: CHAR_LENGTH / CHARACTER_LENGTH, LOWER, UPPER, INITCAP, SUBSTRING (positional
/// and regular-expression forms), TRIM, POSITION, OVERLAY and REGEX_REPLACE. Positions and lengths count UTF-16
/// code units, like the Java strings of the reference implementation.
enum StringFunctions {
    static let entries: [String: ScalarFunctionLibrary.Entry] = [
        "CHAR_LENGTH": .init(arity: 1...1, resolve: charLength),
        "CHARACTER_LENGTH": .init(arity: 1...1, resolve: charLength),
        "LOWER": .init(arity: 1...1) { caseMapping($0) { $0.lowercased() } },
        "UPPER": .init(arity: 1...1) { caseMapping($0) { $0.uppercased() } },
        "INITCAP": .init(arity: 1...1) { caseMapping($0, initialCapitals) },
        "SUBSTRING": .init(arity: 2...3, resolve: substring),
        "TRIM": .init(arity: 3...3, resolve: trim),
        "POSITION": .init(arity: 2...3, resolve: position),
        "OVERLAY": .init(arity: 3...4, resolve: overlay),
        "REGEX_REPLACE": .init(arity: 5...5, resolve: regexReplace),
    ]

    /// The result type of a function returning (part of) a character argument of type `type`.
    static func varchar(_ type: SQLType) -> SQLType {
        .varchar(length: max(1, type.characterLength))
    }

    private static func charLength(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.acceptsCharacter else { return nil }
        return .nullPropagating(.integer) { values, _ in
            .integer(Int64(try values[0].stringOperand("CHAR_LENGTH").utf16.count))
        }
    }

    private static func caseMapping(_ arguments: [FunctionArgument],
                                    _ transform: @escaping @Sendable (String) -> String) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.acceptsCharacter else { return nil }
        return .nullPropagating(type.isCharacter ? type : .varchar(length: 1)) { values, _ in
            .string(transform(try values[0].stringOperand("case conversion")))
        }
    }

    /// INITCAP: the first character of each white-space-delimited word in upper case, the others in lower case.
    static func initialCapitals(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for character in text {
            if character.isWhitespace {
                result.append(character)
                atWordStart = true
            } else {
                result += atWordStart ? character.uppercased() : character.lowercased()
                atWordStart = false
            }
        }
        return result
    }

    // MARK: SUBSTRING

    private static func substring(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let source) = arguments[0], source.acceptsCharacter,
              case .value(let second) = arguments[1] else { return nil }
        let resultType = varchar(source)
        if arguments.count == 2, second.isCharacter {
            return .nullPropagating(resultType) { values, _ in
                let text = try values[0].stringOperand("SUBSTRING")
                let regex = try JavaRegex.compile(try values[1].stringOperand("SUBSTRING"))
                return regex.firstMatch(in: text).map { .string($0) } ?? .null
            }
        }
        guard second.acceptsExactNumeric else { return nil }
        if arguments.count == 3 {
            guard case .value(let length) = arguments[2], length.acceptsExactNumeric else { return nil }
        }
        return .nullPropagating(resultType) { values, _ in
            let units = Array(try values[0].stringOperand("SUBSTRING").utf16)
            let start = try values[1].integerOperand("SUBSTRING")
            let length = values.count == 3 ? try values[2].integerOperand("SUBSTRING") : nil
            return .string(String(decoding: try sqlSubstring(units, start: start, length: length),
                                  as: UTF16.self))
        }
    }

    /// SQL SUBSTRING on code units: a start below 1 shortens the length by the missing positions, a start past
    /// the end gives the empty string, a negative length is an error.
    static func sqlSubstring(_ units: [UInt16], start: Int64,
                             length: Int64?) throws(SQLEvaluationError) -> ArraySlice<UInt16> {
        var end = Int64(units.count) + 1
        if let length {
            guard length >= 0 else {
                throw SQLEvaluationError("Substring error: negative substring length not allowed")
            }
            let (sum, overflow) = start.addingReportingOverflow(length)
            if !overflow { end = min(end, sum) }
        }
        let from = max(start, 1)
        guard from < end else { return [] }
        return units[Int(from - 1)..<Int(end - 1)]
    }

    // MARK: TRIM

    private static func trim(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .keyword(let keyword) = arguments[0], case let side = keyword.uppercased(),
              ["BOTH", "LEADING", "TRAILING"].contains(side),
              case .value(let characters) = arguments[1], characters.acceptsCharacter,
              case .value(let source) = arguments[2], source.acceptsCharacter else { return nil }
        let leading = side != "TRAILING"
        let trailing = side != "LEADING"
        return .nullPropagating(varchar(source)) { values, _ in
            let trimCharacter = try values[1].stringOperand("TRIM")
            guard trimCharacter.count == 1, let character = trimCharacter.first else {
                throw SQLEvaluationError("Trim error: trim character must be exactly 1 character")
            }
            var text = Substring(try values[2].stringOperand("TRIM"))
            if leading { text = text.drop { $0 == character } }
            if trailing {
                while text.last == character { text = text.dropLast() }
            }
            return .string(String(text))
        }
    }

    // MARK: POSITION

    private static func position(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let search) = arguments[0], search.acceptsCharacter,
              case .value(let source) = arguments[1], source.acceptsCharacter else { return nil }
        if arguments.count == 3 {
            guard case .value(let start) = arguments[2], start.acceptsExactNumeric else { return nil }
        }
        return .nullPropagating(.integer) { values, _ in
            let needle = Array(try values[0].stringOperand("POSITION").utf16)
            let haystack = Array(try values[1].stringOperand("POSITION").utf16)
            let start = values.count == 3 ? try values[2].integerOperand("POSITION") : 1
            guard start >= 1, start <= Int64(haystack.count) + 1 else { return .integer(0) }
            return .integer(Int64(indexOf(needle, in: haystack, from: Int(start - 1)).map { $0 + 1 } ?? 0))
        }
    }

    /// The first index at or after `from` where `needle` occurs in `haystack`.
    static func indexOf(_ needle: [UInt16], in haystack: [UInt16], from: Int) -> Int? {
        guard needle.count <= haystack.count - from else { return nil }
        for candidate in from...(haystack.count - needle.count)
        where haystack[candidate..<candidate + needle.count].elementsEqual(needle) {
            return candidate
        }
        return nil
    }

    // MARK: OVERLAY

    private static func overlay(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let original) = arguments[0], original.acceptsCharacter,
              case .value(let replacement) = arguments[1], replacement.acceptsCharacter,
              case .value(let start) = arguments[2], start.acceptsExactNumeric else { return nil }
        if arguments.count == 4 {
            guard case .value(let length) = arguments[3], length.acceptsExactNumeric else { return nil }
        }
        let resultType = SQLType.varchar(length: max(1, original.characterLength + replacement.characterLength))
        return .nullPropagating(resultType) { values, _ in
            let units = Array(try values[0].stringOperand("OVERLAY").utf16)
            let placing = Array(try values[1].stringOperand("OVERLAY").utf16)
            let start = try values[2].integerOperand("OVERLAY")
            let length = values.count == 4 ? try values[3].integerOperand("OVERLAY") : Int64(placing.count)
            guard length >= 0 else { throw SQLEvaluationError("OVERLAY: negative length \(length) not allowed") }
            let count = Int64(units.count)
            let prefixEnd = min(max(start - 1, 0), count)
            let (suffixStart, overflow) = (start - 1).addingReportingOverflow(length)
            let suffixFrom = overflow ? count : min(max(suffixStart, 0), count)
            let result = units[0..<Int(prefixEnd)] + placing + units[Int(suffixFrom)...]
            return .string(String(decoding: result, as: UTF16.self))
        }
    }

    // MARK: REGEX_REPLACE

    private static func regexReplace(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        let types = arguments.compactMap { argument -> SQLType? in
            if case .value(let type) = argument { return type }
            return nil
        }
        guard types.count == 5, types[0...2].allSatisfy(\.acceptsCharacter),
              types[3...4].allSatisfy(\.acceptsExactNumeric) else { return nil }
        return .nullPropagating(.varchar(length: 65535)) { values, _ in
            let original = try values[0].stringOperand("REGEX_REPLACE")
            let regex = try JavaRegex.compile(try values[1].stringOperand("REGEX_REPLACE"))
            let replacement = try values[2].stringOperand("REGEX_REPLACE")
            let start = try values[3].integerOperand("REGEX_REPLACE")
            let occurrence = try values[4].integerOperand("REGEX_REPLACE")
            guard start >= 1 else {
                throw SQLEvaluationError("REGEX_REPLACE: startPosition \(start) must be at least 1")
            }
            guard occurrence >= 0 else {
                throw SQLEvaluationError("REGEX_REPLACE: occurrence \(occurrence) must not be negative")
            }
            guard start <= Int64(original.utf16.count) else { return .string(original) }
            return .string(try regex.replace(in: original, from: Int(start - 1), occurrence: Int(occurrence),
                                             with: replacement))
        }
    }
}
