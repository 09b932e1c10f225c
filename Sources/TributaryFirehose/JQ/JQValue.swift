/// A JSON value as jq sees it: the input, every intermediate result and every output of a `JQProgram`.
///
/// Why not `TributaryWire.Document`: jq keeps an object's members in insertion order (`{b: 1, a: 2}` prints as
/// written, `keys_unsorted` and `.[]` follow it) and compares strings and object keys byte by byte, where a Swift
/// `Dictionary` forgets the order and a Swift `String` compares by canonical equivalence. Numbers are `Double`
/// because jq 1.6 (the engine AWS names, `JQ-1.6`) holds every number as a double: `12345678901234567890` becomes
/// `12345678901234567000` there too, and printing follows jq's shortest round-trip form (`1`, `1.5`, `1e+100`).
///
/// Equality is jq's: numbers by value (`1 == 1.0`, `nan != nan`), strings by their UTF-8 bytes, objects regardless
/// of member order. Containers cache their depth and size (`JQArray`, `JQObject`) so the interpreter can refuse a
/// value past `JQLimits` before anything walks it.
public enum JQValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array(JQArray)
    case object(JQObject)

    /// jq's name of the value's type, as `type` returns it and error messages print it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// False for `null` and `false`, true for everything else (jq's truthiness: `0` and `""` are true).
    public var isTruthy: Bool {
        switch self {
        case .null, .boolean(false): false
        default: true
        }
    }

    /// Containers enclosing the deepest scalar: 0 for a scalar, 1 for `[]` or `[1]`.
    public var depth: Int {
        switch self {
        case .array(let array): array.depth
        case .object(let object): object.depth
        default: 0
        }
    }

    /// The logical size: one per scalar, container and member, plus each string's UTF-8 bytes (see `JQLimits`).
    public var weight: Int {
        switch self {
        case .string(let text): 1 + text.utf8.count
        case .array(let array): array.weight
        case .object(let object): object.weight
        default: 1
        }
    }

    /// The value as a partition key: a string as itself, a number or boolean as its JSON text, nil for null, an
    /// array or an object (Firehose refuses those as keys).
    public var partitionKeyText: String? {
        switch self {
        case .string(let text): text
        case .number, .boolean: jsonText
        case .null, .array, .object: nil
        }
    }

    public static func == (left: JQValue, right: JQValue) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case (.boolean(let a), .boolean(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): JQText.equal(a, b)
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }
}
