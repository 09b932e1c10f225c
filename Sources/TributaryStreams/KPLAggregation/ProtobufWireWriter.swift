/// Builds protobuf wire-format bytes for the KPL schema: varint fields and length-delimited fields.
///
/// Nested messages are written into their own writer first and then added as a length-delimited field, so every
/// length is known before it is written. The encoding is the one `ProtobufWireReader` documents.
struct ProtobufWireWriter: Sendable {
    private(set) var bytes: [UInt8] = []

    /// Appends a field holding an unsigned integer as a varint.
    mutating func appendVarintField(_ fieldNumber: Int, _ value: UInt64) {
        appendTag(fieldNumber, .varint)
        appendVarint(value)
    }

    /// Appends a field holding bytes, a UTF-8 string or an encoded message.
    mutating func appendLengthDelimitedField(_ fieldNumber: Int, _ value: some Collection<UInt8>) {
        appendTag(fieldNumber, .lengthDelimited)
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    private mutating func appendTag(_ fieldNumber: Int, _ wireType: ProtobufWireType) {
        precondition((1...KPLAggregationLimits.fieldNumberMax).contains(fieldNumber), "field number out of range")
        appendVarint(UInt64(fieldNumber) << 3 | UInt64(wireType.rawValue))
    }

    private mutating func appendVarint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }
}
