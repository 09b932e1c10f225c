import Foundation

/// Writes a request value the way AWS's Java front end prints it in a validation message (`Value '...'`):
///
/// | shape      | printed as                                                          |
/// |------------|---------------------------------------------------------------------|
/// | string     | the text itself                                                     |
/// | integer    | decimal: `0`, `200`                                                 |
/// | double     | Java's `Double.toString`: `0.5`, `100.0`, `1.0E7`                   |
/// | boolean    | `true` / `false`                                                    |
/// | blob       | `java.nio.HeapByteBuffer[pos=0 lim=<bytes> cap=<bytes>]`            |
/// | timestamp  | `java.util.Date`: `Tue Nov 14 22:13:20 UTC 2023`                    |
/// | list       | `[a, b]`, elements printed by these rules                           |
/// | map        | `{k=v, k2=v2}` in `java.util.HashMap` order                         |
/// | structure  | `<javaPackage>.<Shape>@<hashCode in hex>`, see `JavaHash`           |
///
/// Requires a value that passed `ShapeTypeCheck`; anything else is printed as best it can be, never trapped on.
struct JavaRendering {
    let model: ShapeModel

    func render(_ value: Document, shapeIndex: Int) -> String {
        if value == .null { return "null" }
        let shape = model.shapes[shapeIndex]
        switch (shape.kind, value) {
        case (.list(let element, _), .array(let elements)):
            return "[" + elements.map { render($0, shapeIndex: element) }.joined(separator: ", ") + "]"
        case (.map(_, let valueIndex, _), .object(let entries)):
            let keys = Self.hashMapOrder(Array(entries.keys))
            let pairs = keys.map { key in "\(key)=" + render(entries[key] ?? .null, shapeIndex: valueIndex) }
            return "{" + pairs.joined(separator: ", ") + "}"
        case (.structure, _):
            let hash = JavaHash(model: model).hash(value, shapeIndex: shapeIndex)
            return "\(model.javaPackage).\(shape.name)@" + String(UInt32(bitPattern: hash), radix: 16)
        case (.blob, _):
            let count = Self.byteCount(of: value)
            return "java.nio.HeapByteBuffer[pos=0 lim=\(count) cap=\(count)]"
        case (.double, _):
            return ShapeValidator.doubleValue(value).map(Self.double) ?? Self.plain(value)
        case (.timestamp, _):
            return Self.timestampSeconds(value).map(Self.date) ?? Self.plain(value)
        default:
            return Self.plain(value)
        }
    }

    private static func plain(_ value: Document) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): ShapeValidator.integerValue(value).map(String.init) ?? double(number)
        case .bool(let flag): flag ? "true" : "false"
        case .blob(let bytes): "java.nio.HeapByteBuffer[pos=0 lim=\(bytes.count) cap=\(bytes.count)]"
        case .timestamp(let seconds): date(seconds)
        case .null: "null"
        case .array, .object: "[]"
        }
    }

    /// Bytes of a blob: counted directly, or from the length of its (padded, already checked) base64 text.
    static func byteCount(of value: Document) -> Int {
        switch value {
        case .blob(let bytes): return bytes.count
        case .string(let text):
            let utf8 = text.utf8
            let padding = utf8.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
            return utf8.count / 4 * 3 - padding
        default: return 0
        }
    }

    /// The bytes of a blob value (base64 text decoded).
    static func bytes(of value: Document) -> [UInt8] {
        switch value {
        case .blob(let bytes): bytes
        case .string(let text): Base64.decode(text) ?? []
        default: []
        }
    }

    static func timestampSeconds(_ value: Document) -> Double? {
        switch value {
        case .timestamp(let seconds), .double(let seconds): return seconds
        case .integer(let number): return Double(number)
        case .string(let text): return Double(text) ?? Document.parseISO8601(text)
        default: return nil
        }
    }

    /// `java.util.Date.toString()` on a server running in UTC.
    static func date(_ seconds: Double) -> String {
        // Beyond Java's Date range (about ±292 million years) there is no date to print; CBOR can carry such a value.
        guard seconds.isFinite, seconds.magnitude < 9.2e15 else { return double(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss 'UTC' yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000))
    }

    /// The order `java.util.HashMap` iterates string keys in: by bucket (the key's `hashCode` spread by
    /// `h ^ (h >>> 16)`, masked by a table that doubles from 16 while more than 3/4 full), then in insertion
    /// order, for which sorted order stands in (a parsed `Document` keeps no member order).
    static func hashMapOrder(_ keys: [String]) -> [String] {
        var tableSize = 16
        while keys.count > tableSize / 4 * 3 { tableSize *= 2 }
        let mask = UInt32(tableSize - 1)
        func bucket(_ key: String) -> UInt32 {
            let hash = UInt32(bitPattern: JavaHash.string(key))
            return (hash ^ (hash >> 16)) & mask
        }
        return keys.sorted().map { (bucket($0), $0) }.enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map { $0.element.1 }
    }
}
