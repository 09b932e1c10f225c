/// EBML's variable-length integers, the encoding of every element id and element size in a Matroska stream.
///
/// It exists so that the stream reader (which must cope with a chunk split inside an id or a size) and the writers
/// that build fragments and tags share one exact implementation of the length-marker rules and the unknown-size
/// marker (all value bits set).
public enum EBMLVarint {
    /// The outcome of decoding a varint at the front of some bytes.
    public enum Decoded<Value: Equatable & Sendable>: Equatable, Sendable {
        /// A complete value and how many bytes it took.
        case value(Value, length: Int)
        /// More bytes are needed before the value can be decoded.
        case needMoreData
        /// The bytes can never form a valid varint (for example a first byte of zero).
        case invalid(String)
    }

    /// The longest element id this reader accepts (EBMLMaxIDLength in the Matroska header is 4).
    public static let maximumIDLength = 4
    /// The longest size encoding (EBMLMaxSizeLength 8, giving sizes below 2^56 - 1).
    public static let maximumSizeLength = 8
    /// The largest size that can be written explicitly (2^56 - 2; 2^56 - 1 is the unknown-size marker).
    public static let maximumKnownSize: UInt64 = (1 << 56) &- 2

    /// The number of bytes a varint takes, from its first byte; nil when the first byte is zero (longer than 8).
    public static func length(ofFirstByte byte: UInt8) -> Int? {
        byte == 0 ? nil : byte.leadingZeroBitCount + 1
    }

    /// Decodes an element id, keeping its length marker (ids are conventionally written that way, e.g. 0x1A45DFA3).
    public static func decodeID<C: Collection<UInt8>>(_ bytes: C) -> Decoded<EBMLElementID> {
        guard let first = bytes.first else { return .needMoreData }
        guard let length = length(ofFirstByte: first), length <= maximumIDLength else {
            return .invalid("element id longer than \(maximumIDLength) bytes (first byte 0x\(hex(first)))")
        }
        var raw: UInt32 = 0
        var count = 0
        var allOnes = true
        let mask: UInt8 = 0xFF >> UInt8(length)
        for byte in bytes.prefix(length) {
            raw = (raw << 8) | UInt32(byte)
            let valueBits = count == 0 ? byte & mask : byte
            let expected: UInt8 = count == 0 ? mask : 0xFF
            if valueBits != expected { allOnes = false }
            count += 1
        }
        guard count == length else { return .needMoreData }
        if allOnes { return .invalid("reserved element id 0x\(String(raw, radix: 16, uppercase: true))") }
        return .value(EBMLElementID(rawValue: raw), length: length)
    }

    /// Decodes an element size: `nil` inside `.value` means the unknown-size marker (all value bits set).
    public static func decodeSize<C: Collection<UInt8>>(_ bytes: C) -> Decoded<UInt64?> {
        guard let first = bytes.first else { return .needMoreData }
        guard let length = length(ofFirstByte: first), length <= maximumSizeLength else {
            return .invalid("element size longer than \(maximumSizeLength) bytes (first byte 0x00)")
        }
        var value: UInt64 = 0
        var count = 0
        for byte in bytes.prefix(length) {
            value = (value << 8) | UInt64(count == 0 ? byte & (0xFF >> UInt8(length)) : byte)
            count += 1
        }
        guard count == length else { return .needMoreData }
        let allOnes: UInt64 = (1 << (7 * UInt64(length))) &- 1
        return .value(value == allOnes ? nil : value, length: length)
    }

    /// Decodes an unsigned varint that is a value rather than a size (e.g. a block's track number);
    /// the all-ones pattern is an ordinary value here.
    public static func decodeValue<C: Collection<UInt8>>(_ bytes: C) -> Decoded<UInt64> {
        switch decodeSize(bytes) {
        case .needMoreData: return .needMoreData
        case .invalid(let reason): return .invalid(reason)
        case .value(let value, let length):
            return .value(value ?? ((1 << (7 * UInt64(length))) &- 1), length: length)
        }
    }

    /// Encodes a known size in the shortest form, or in exactly `length` bytes when given (1...8).
    /// Returns nil when the value does not fit (or is not below the unknown-size marker for that length).
    public static func encodeSize(_ value: UInt64, length: Int? = nil) -> [UInt8]? {
        let lengths = length.map { [$0] } ?? Array(1...maximumSizeLength)
        for candidate in lengths where (1...maximumSizeLength).contains(candidate) {
            let allOnes: UInt64 = (1 << (7 * UInt64(candidate))) &- 1
            guard value < allOnes else { continue }
            var bytes = [UInt8](repeating: 0, count: candidate)
            var remaining = value
            for index in stride(from: candidate - 1, through: 0, by: -1) {
                bytes[index] = UInt8(truncatingIfNeeded: remaining)
                remaining >>= 8
            }
            bytes[0] |= UInt8(0x80) >> UInt8(candidate - 1)
            return bytes
        }
        return nil
    }

    /// The unknown-size marker in `length` bytes (1...8); producers usually write the 8-byte form 0x01FFFFFFFFFFFFFF.
    public static func unknownSize(length: Int = 8) -> [UInt8] {
        let length = min(max(length, 1), maximumSizeLength)
        var bytes = [UInt8](repeating: 0xFF, count: length)
        bytes[0] = UInt8(0xFF) >> UInt8(length - 1)
        return bytes
    }

    /// The bytes of an element id (its raw value with the length marker, big-endian, without leading zero bytes).
    public static func encodeID(_ id: EBMLElementID) -> [UInt8] {
        let raw = id.rawValue
        let length = max(1, 4 - raw.leadingZeroBitCount / 8)
        return (0..<length).map { UInt8(truncatingIfNeeded: raw >> (8 * UInt32(length - 1 - $0))) }
    }

    static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + text : text
    }
}
