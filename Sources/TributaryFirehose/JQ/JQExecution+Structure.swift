/// `length`, `utf8bytelength`, `keys`, `keys_unsorted`, `has`, `in`, `contains`, `to_entries`, and the conversions
/// `tostring`, `tojson`, `fromjson`, `tonumber`.
extension JQExecution {
    func applyStructural(_ builtin: JQBuiltin, _ input: JQValue, _ arguments: [JQValue]) throws -> JQValue {
        try charge(Self.linearCost(builtin, input))
        switch builtin {
        case .length: return try Self.length(input)
        case .utf8ByteLength:
            guard case .string(let text) = input else {
                throw JQFailure.type(input, "only strings have UTF-8 byte length")
            }
            return .number(Double(text.utf8.count))
        case .keys, .keysUnsorted:
            switch input {
            case .object(let object):
                let keys = builtin == .keys ? object.sortedKeys : object.keys
                return .array(JQArray(keys.map { .string($0) }))
            case .array(let array):
                return .array(JQArray((0 ..< array.count).map { .number(Double($0)) }))
            default:
                throw JQFailure.type(input, "has no keys")
            }
        case .has: return try Self.has(input, arguments[0])
        case .inside: return try Self.has(arguments[0], input)
        case .contains:
            guard input.kindRank == arguments[0].kindRank else {
                throw JQFailure.types(input, arguments[0], "cannot have their containment checked")
            }
            try charge(input.weight + arguments[0].weight)
            return .boolean(Self.contains(input, arguments[0]))
        default:
            guard case .object(let object) = input else {
                if case .array(let array) = input {
                    return .array(JQArray(array.elements.enumerated().map { index, element in
                        .object(["key": .number(Double(index)), "value": element])
                    }))
                }
                throw JQFailure(message: "\(input.typeName) (\(input.truncatedJSONText)) has no keys")
            }
            return .array(JQArray(object.entries.map { .object(["key": .string($0.key), "value": $0.value]) }))
        }
    }

    /// The work of the builtins that walk their input: counting code points, listing (and sorting) keys.
    private static func linearCost(_ builtin: JQBuiltin, _ input: JQValue) -> Int {
        switch (builtin, input) {
        case (.length, .string(let text)): text.utf8.count / 64
        case (.keys, .object(let object)): object.count * 4
        case (.keys, .array(let array)), (.keysUnsorted, .array(let array)), (.toEntries, .array(let array)):
            array.count
        case (.keysUnsorted, .object(let object)), (.toEntries, .object(let object)): object.count
        default: 0
        }
    }

    static func length(_ value: JQValue) throws(JQFailure) -> JQValue {
        switch value {
        case .null: .number(0)
        case .boolean: throw JQFailure.type(value, "has no length")
        case .number(let number): .number(number.magnitude)
        case .string(let text): .number(Double(text.unicodeScalars.count))
        case .array(let array): .number(Double(array.count))
        case .object(let object): .number(Double(object.count))
        }
    }

    /// jq 1.6's `has`: a string key of an object, a number key of an array (truncated; negative is false); null
    /// has nothing; anything else is an error.
    static func has(_ container: JQValue, _ key: JQValue) throws(JQFailure) -> JQValue {
        switch (container, key) {
        case (.object(let object), .string(let name)): return .boolean(object[name] != nil)
        case (.array(let array), .number(let number)):
            let position = JQArithmetic.truncatedInteger(number)
            return .boolean(position >= 0 && position < Int64(array.count))
        case (.null, _): return .boolean(false)
        default:
            throw JQFailure(message: "Cannot check whether \(container.typeName) has a \(key.typeName) key")
        }
    }

    /// Containment below the top level: different kinds are simply not contained.
    static func contains(_ container: JQValue, _ part: JQValue) -> Bool {
        switch (container, part) {
        case (.object(let whole), .object(let piece)):
            return piece.entries.allSatisfy { key, value in
                guard let held = whole[key], held.kindRank == value.kindRank else { return false }
                return contains(held, value)
            }
        case (.array(let whole), .array(let piece)):
            return piece.elements.allSatisfy { wanted in
                whole.elements.contains { $0.kindRank == wanted.kindRank && contains($0, wanted) }
            }
        case (.string(let whole), .string(let piece)):
            return JQText.contains(whole, piece)
        default:
            return container == part
        }
    }

    func applyConversion(_ builtin: JQBuiltin, _ input: JQValue) throws -> JQValue {
        switch builtin {
        case .toString: return .string(try formatted(.text, input))
        case .toJSON: return .string(try formatted(.json, input))
        case .fromJSON:
            guard case .string(let text) = input else { throw JQFailure.type(input, "only strings can be parsed") }
            try charge(1 + text.utf8.count / 16)
            return try parseJSON(text)
        default:
            switch input {
            case .number: return input
            case .string(let text):
                try charge(1 + text.utf8.count / 16)
                let parsed = try parseJSON(text)
                guard case .number = parsed else { throw JQFailure.type(input, "cannot be parsed as a number") }
                return parsed
            default:
                throw JQFailure.type(input, "cannot be parsed as a number")
            }
        }
    }

    private func parseJSON(_ text: String) throws(JQFailure) -> JQValue {
        do {
            return try JQJSONReader.single(text)
        } catch {
            throw JQFailure(message: error.message)
        }
    }
}
