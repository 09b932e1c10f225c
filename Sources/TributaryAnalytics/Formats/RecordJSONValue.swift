import TributaryWire

/// A JSON value read from a source record, kept the way the record wrote it.
///
/// Input mapping cannot use `TributaryWire.Document`: schema discovery must list columns in the order the record
/// names them, an object mapped to VARCHAR must come back as its own text with its members in order, and a number
/// mapped to DECIMAL or VARCHAR must keep its exact digits (`84.510` stays `84.510`, not a rounded Double).
/// So objects are ordered member lists and numbers keep their source text.
public indirect enum RecordJSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number exactly as written in the record (`-0.05`, `1e3`).
    case number(String)
    case string(String)
    case array([RecordJSONValue])
    /// Members in record order; a repeated name keeps every occurrence, and lookups take the last one.
    case object([(name: String, value: RecordJSONValue)])

    /// The member `name` of an object (the last one when the name repeats); nil for a missing member or a
    /// value that is not an object.
    public func member(_ name: String) -> RecordJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.name == name })?.value
    }

    /// Whether the value's text has its own closing delimiter (`}`, `]` or `"`), so another value may follow it
    /// without whitespace.
    var isDelimited: Bool {
        switch self {
        case .string, .array, .object: true
        case .null, .bool, .number: false
        }
    }

    /// The value's text as a field: a string's characters, a number's digits, `true`/`false`, and the compact
    /// JSON text of arrays and objects; nil for JSON null.
    public var fieldText: String? {
        switch self {
        case .null: nil
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): text
        case .array, .object: jsonText
        }
    }

    /// Compact JSON text (no whitespace), members in record order.
    public var jsonText: String {
        var output: [UInt8] = []
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): JSONDocumentEncoder.write(.string(text), into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONDocumentEncoder.write(.string(member.name), into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    public static func == (lhs: RecordJSONValue, rhs: RecordJSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)):
            left.count == right.count
                && zip(left, right).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        default: false
        }
    }
}
