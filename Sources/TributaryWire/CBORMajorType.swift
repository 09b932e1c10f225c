/// The eight kinds of CBOR data item (RFC 8949 §3.1), named so the reader and writer never spell raw numbers.
///
/// Every item starts with a head; its first byte carries the major type in the top three bits:
///
/// | Offset | Size          | Field                                                                   |
/// |--------|---------------|-------------------------------------------------------------------------|
/// | 0      | 1             | bits 7-5: major type; bits 4-0: additional information (0-31)           |
/// | 1      | 0, 1, 2, 4, 8 | the argument, big-endian, when additional information is 24, 25, 26, 27 |
///
/// Additional information 0-23 is the argument itself, 28-30 are reserved (malformed), and 31 marks an
/// indefinite-length string, array or map, or, with major type 7, the "break" that ends one.
/// The argument is the value (integers), the length in bytes (strings), the element or pair count (arrays, maps),
/// the tag number (tags), or the simple value or float bits (major type 7).
enum CBORMajorType: UInt8, Sendable {
    case unsignedInteger = 0
    case negativeInteger = 1
    case byteString = 2
    case textString = 3
    case array = 4
    case map = 5
    case tag = 6
    case simpleOrFloat = 7

    /// Additional information meaning "an argument of 1 byte follows"; 25, 26, 27 mean 2, 4, 8 bytes.
    static let oneByteArgument: UInt8 = 24
    /// Additional information of an indefinite-length item (major types 2-5) or of "break" (major type 7).
    static let indefiniteLength: UInt8 = 31
    /// The whole "break" byte: major type 7, additional information 31.
    static let breakByte: UInt8 = 0xFF

    /// The major type of an initial byte; every 3-bit value is a major type, so this cannot fail.
    init(initialByte: UInt8) {
        self = CBORMajorType(rawValue: initialByte >> 5)!
    }

    /// The initial byte of a head of this type with `additionalInformation` (0-31).
    func initialByte(additionalInformation: UInt8) -> UInt8 {
        precondition(additionalInformation < 32, "CBOR additional information has five bits")
        return rawValue << 5 | additionalInformation
    }
}
