/// The type a request member is modelled as, for the SerializationException AWS sends when the body holds
/// something else there.
///
/// The messages are AWS's own (the Coral/Jackson deserializer behind Kinesis, as recorded by kinesalite), including
/// their grammar ("an String", "an Boolean"), because SDK tests and users match on them:
///
/// - a list where a scalar or map belongs: `Start of list found where not expected`;
/// - an object where a scalar or list belongs: `Start of structure or map found where not expected.`;
/// - a scalar where a list / map / structure belongs: `Expected list or null` / `Expected map or null` /
///   `Expected null`;
/// - a wrong scalar: `class java.lang.Boolean can not be converted to an String`, `class java.math.BigDecimal can
///   not be converted to an Boolean`, `class java.lang.String can not be converted to an Integer`, `... to a Blob`;
///   a string where a Boolean belongs: `'TEXT' can not be converted to an Boolean` (upper-cased).
enum MemberType: String, Sendable {
    case string = "String"
    case integer = "Integer"
    case double = "Double"
    case boolean = "Boolean"
    case blob = "Blob"
    case timestamp = "Timestamp"
    case list = "List"
    case map = "Map"
    case structure = "Structure"

    /// The SerializationException for finding `value` where a member of this type belongs.
    func mismatch(_ value: Document) -> ServiceError {
        .serialization(mismatchMessage(value))
    }

    func mismatchMessage(_ value: Document) -> String {
        switch (self, value) {
        case (.list, .object), (.string, .object), (.integer, .object), (.double, .object), (.boolean, .object),
             (.blob, .object), (.timestamp, .object):
            return "Start of structure or map found where not expected."
        case (.map, .array), (.structure, .array), (.string, .array), (.integer, .array), (.double, .array),
             (.boolean, .array), (.blob, .array), (.timestamp, .array):
            return "Start of list found where not expected"
        case (.list, _): return "Expected list or null"
        case (.map, _): return "Expected map or null"
        case (.structure, _): return "Expected null"
        case (.boolean, .string(let text)): return "'\(text.uppercased())' can not be converted to an Boolean"
        case (.timestamp, _): return "class \(Self.javaClass(of: value)) can not be converted to milliseconds since epoch"
        case (.blob, _): return "class \(Self.javaClass(of: value)) can not be converted to a Blob"
        default: return "class \(Self.javaClass(of: value)) can not be converted to an \(rawValue)"
        }
    }

    /// The Java class AWS's deserializer names for a scalar.
    private static func javaClass(of value: Document) -> String {
        switch value {
        case .bool: "java.lang.Boolean"
        case .integer, .double: "java.math.BigDecimal"
        case .string: "java.lang.String"
        case .blob: "java.nio.HeapByteBuffer"
        case .timestamp: "java.util.Date"
        case .null: "null"
        case .array: "java.util.ArrayList"
        case .object: "java.util.LinkedHashMap"
        }
    }
}
