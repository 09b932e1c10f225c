import Foundation

/// A JSONPath of an input schema: a `RecordRowPath` (`$`, `$.a.b`, `$.a[0:]`) or a column `Mapping`
/// (`$.TICKER_SYMBOL`, `$.address.city`, `$.orders[0:].orderId`).
///
/// Kinesis Data Analytics accepts member steps (`.name`, or `['name']` for names with other characters) and the
/// array step `[0:]`, its only index expression, which means every element of the array.
public struct RecordJSONPath: Equatable, Sendable, CustomStringConvertible {
    /// One step down from a value: into an object's member, or across an array's elements.
    public enum Step: Equatable, Sendable {
        case member(String)
        /// `[0:]`: every element of an array.
        case allElements
    }

    public var steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// Parses `text`; the error message names the path and what is wrong with it.
    public init(parsing text: String) throws(RecordMappingConfigurationError) {
        let characters = Array(text)
        func invalid(_ reason: String) -> RecordMappingConfigurationError {
            RecordMappingConfigurationError("Invalid JSONPath '\(text)': \(reason)")
        }
        guard characters.first == "$" else { throw invalid("it must start with '$'") }
        var steps: [Step] = []
        var index = 1
        while index < characters.count {
            switch characters[index] {
            case ".":
                index += 1
                let start = index
                while index < characters.count, characters[index] != ".", characters[index] != "[" { index += 1 }
                guard index > start else { throw invalid("empty member name") }
                steps.append(.member(String(characters[start ..< index])))
            case "[":
                guard let close = characters[index...].firstIndex(of: "]") else { throw invalid("unclosed '['") }
                let inside = String(characters[(index + 1) ..< close]).trimmingCharacters(in: .whitespaces)
                if inside == "0:" {
                    steps.append(.allElements)
                } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"",
                          inside.last == quote {
                    steps.append(.member(String(inside.dropFirst().dropLast())))
                } else {
                    throw invalid("the only array index supported is [0:]")
                }
                index = close + 1
            default:
                throw invalid("unexpected '\(characters[index])'")
            }
        }
        self.steps = steps
    }

    /// `$` followed by the steps, members as `.name`.
    public var description: String {
        "$" + steps.map { step in
            switch step {
            case .member(let name): "." + name
            case .allElements: "[0:]"
            }
        }.joined()
    }

    /// The values the path selects in `root`, flattening every `[0:]`; a missing member selects nothing.
    public func selectAll(in root: RecordJSONValue) -> [RecordJSONValue] {
        var current = [root]
        for step in steps {
            switch step {
            case .member(let name):
                current = current.compactMap { $0.member(name) }
            case .allElements:
                current = current.flatMap { value -> [RecordJSONValue] in
                    if case .array(let elements) = value { return elements }
                    return []
                }
            }
        }
        return current
    }

    /// The one value the path names in `root`, where a final `[0:]` selects the whole array (as a column mapping
    /// ending in `[0:]` does); nil when a member is missing or a `[0:]` meets a value that is not an array.
    /// The path must have no `[0:]` before its last step.
    public func selectOne(in root: RecordJSONValue) -> RecordJSONValue? {
        var current = root
        for step in steps {
            switch step {
            case .member(let name):
                guard let next = current.member(name) else { return nil }
                current = next
            case .allElements:
                guard case .array = current else { return nil }
            }
        }
        return current
    }
}
