/// A cursor over protobuf wire-format bytes that reads just what the KPL schema needs: tags, varints and
/// length-delimited values, and skips the rest.
///
/// Why not a protobuf library: the schema is three small messages, and a hand-written reader lets every length be
/// checked against the bytes that remain before anything is sliced, with an offset in every error.
///
/// Invariant: `position` stays within `bytes.startIndex ... bytes.endIndex`. Slices keep the indices of the record's
/// data, so `position` and every offset in an error count bytes from the start of that data.
struct ProtobufWireReader: Sendable {
    private let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// True once every byte has been read.
    var isAtEnd: Bool { position == bytes.endIndex }

    /// Reads the tag in front of the next field.
    mutating func readTag() throws(KPLAggregationError) -> ProtobufFieldTag {
        let offset = position
        let key = try readVarint()
        let wireTypeBits = UInt8(truncatingIfNeeded: key & 0x7)
        let fieldNumber = key >> 3
        guard fieldNumber >= 1, fieldNumber <= UInt64(KPLAggregationLimits.fieldNumberMax) else {
            throw .invalidFieldNumber(offset: offset)
        }
        guard let wireType = ProtobufWireType(rawValue: wireTypeBits),
              wireType != .startGroup, wireType != .endGroup
        else {
            throw .unsupportedWireType(offset: offset, wireType: wireTypeBits)
        }
        return ProtobufFieldTag(fieldNumber: Int(fieldNumber), wireType: wireType, offset: offset)
    }

    /// Reads a base-128 varint, least significant group first, of at most `KPLAggregationLimits.varintBytesMax` bytes.
    mutating func readVarint() throws(KPLAggregationError) -> UInt64 {
        let offset = position
        var value: UInt64 = 0
        for byteIndex in 0..<KPLAggregationLimits.varintBytesMax {
            guard position < bytes.endIndex else { throw .truncated(offset: offset) }
            let byte = bytes[position]
            position += 1
            // The tenth byte holds only bit 63: anything more would overflow or continue past ten bytes.
            if byteIndex == KPLAggregationLimits.varintBytesMax - 1, byte > 1 {
                throw .varintTooLong(offset: offset)
            }
            value |= UInt64(byte & 0x7F) << UInt64(7 * byteIndex)
            if byte & 0x80 == 0 { return value }
        }
        throw .varintTooLong(offset: offset)
    }

    /// Reads a length varint and returns the bytes it announces, which must all be present.
    mutating func readLengthDelimited() throws(KPLAggregationError) -> ArraySlice<UInt8> {
        let offset = position
        let length = try readVarint()
        let available = bytes.endIndex - position
        guard length <= UInt64(available) else {
            throw .lengthBeyondBuffer(offset: offset, length: length, available: available)
        }
        let end = position + Int(length)
        defer { position = end }
        return bytes[position..<end]
    }

    /// Reads a length-delimited value as a string. Bytes that are not UTF-8 become U+FFFD, as protobuf-java (and so
    /// the KCL) does for proto2 strings, so Tributary reports the same keys a KCL consumer would see.
    mutating func readString() throws(KPLAggregationError) -> String {
        String(decoding: try readLengthDelimited(), as: UTF8.self)
    }

    /// Moves past the value of a field this reader does not use.
    mutating func skipValue(of tag: ProtobufFieldTag) throws(KPLAggregationError) {
        switch tag.wireType {
        case .varint:
            _ = try readVarint()
        case .fixed64:
            try skipFixedWidth(byteCount: 8)
        case .fixed32:
            try skipFixedWidth(byteCount: 4)
        case .lengthDelimited:
            _ = try readLengthDelimited()
        case .startGroup, .endGroup:
            throw .unsupportedWireType(offset: tag.offset, wireType: tag.wireType.rawValue)
        }
    }

    /// Checks that `tag` has the wire type the schema gives its field.
    func expect(_ wireType: ProtobufWireType, for tag: ProtobufFieldTag) throws(KPLAggregationError) {
        guard tag.wireType == wireType else {
            throw .unexpectedWireType(offset: tag.offset, fieldNumber: tag.fieldNumber, wireType: tag.wireType.rawValue)
        }
    }

    private mutating func skipFixedWidth(byteCount: Int) throws(KPLAggregationError) {
        guard bytes.endIndex - position >= byteCount else { throw .truncated(offset: position) }
        position += byteCount
    }
}
