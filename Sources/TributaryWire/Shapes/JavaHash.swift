/// Java's `hashCode` of a request value, for the `<class>@<hash>` AWS prints for structures in a list or map.
///
/// AWS's request classes hash like `Arrays.hashCode(new Object[] {classNameHash, member1, member2, ...})`, where
/// `classNameHash` is `Arrays.hashCode(new Object[] {"<javaPackage>.<Shape>"})` and members come in model order:
/// a PutRecords entry with empty Data and PartitionKey hashes to `c965e310`, as AWS printed it. Members hash as
/// their Java types do: `String` over UTF-16 units, `Integer` its value, `Long` and `Double` their high and low
/// words XORed, `Boolean` 1231 / 1237, `ByteBuffer` `31 * h + byte` from the last byte to the first (signed bytes),
/// `Date` its milliseconds, `List` `31 * h + element` from 1, `Map` the sum of `key ^ value`; absent is 0.
/// Arithmetic wraps at 32 bits as Java's does.
struct JavaHash {
    let model: ShapeModel

    func hash(_ value: Document, shapeIndex: Int) -> Int32 {
        if value == .null { return 0 }
        let shape = model.shapes[shapeIndex]
        switch (shape.kind, value) {
        case (.structure(let members), .object(let fields)):
            var result = Self.combine(1, Self.combine(1, Self.string("\(model.javaPackage).\(shape.name)")))
            for member in members {
                result = Self.combine(result, hash(fields[member.name] ?? .null, shapeIndex: member.shapeIndex))
            }
            return result
        case (.list(let element, _), .array(let elements)):
            return elements.reduce(Int32(1)) { Self.combine($0, hash($1, shapeIndex: element)) }
        case (.map(_, let valueIndex, _), .object(let entries)):
            return entries.reduce(Int32(0)) { sum, entry in
                sum &+ (Self.string(entry.key) ^ hash(entry.value, shapeIndex: valueIndex))
            }
        case (.string, .string(let text)):
            return Self.string(text)
        case (.integer, _):
            return Int32(truncatingIfNeeded: ShapeValidator.integerValue(value) ?? 0)
        case (.long, _):
            return Self.long(ShapeValidator.integerValue(value) ?? 0)
        case (.double, _):
            let bits = Int64(bitPattern: (ShapeValidator.doubleValue(value) ?? 0).bitPattern)
            return Self.long(bits)
        case (.boolean, .bool(let flag)):
            return flag ? 1231 : 1237
        case (.blob, _):
            return JavaRendering.bytes(of: value).reversed().reduce(Int32(1)) {
                Self.combine($0, Int32(Int8(bitPattern: $1)))
            }
        case (.timestamp, _):
            let seconds = JavaRendering.timestampSeconds(value) ?? 0
            let milliseconds = (seconds * 1000).rounded(.down)
            return Self.long(milliseconds.magnitude < 9.2e18 ? Int64(milliseconds) : 0)
        default:
            return 0
        }
    }

    /// `String.hashCode()`: `31 * h + unit` over UTF-16 code units.
    static func string(_ text: String) -> Int32 {
        text.utf16.reduce(Int32(0)) { combine($0, Int32($1)) }
    }

    /// `Long.hashCode()`: the two 32-bit halves XORed.
    static func long(_ value: Int64) -> Int32 {
        Int32(truncatingIfNeeded: value ^ Int64(bitPattern: UInt64(bitPattern: value) >> 32))
    }

    static func combine(_ hash: Int32, _ next: Int32) -> Int32 {
        31 &* hash &+ next
    }
}
