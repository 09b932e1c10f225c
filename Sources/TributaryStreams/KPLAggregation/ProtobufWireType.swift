/// The low three bits of a protobuf field tag: how the value that follows is laid out, which is all a reader needs
/// to skip a field it does not know.
///
/// | Value | Layout                                  | Used by the KPL schema for     |
/// |-------|-----------------------------------------|--------------------------------|
/// | 0     | varint                                  | `uint64` indexes               |
/// | 1     | 8 bytes, little-endian                  | nothing (skipped)              |
/// | 2     | length varint, then that many bytes     | strings, bytes, messages       |
/// | 3, 4  | start and end of a group (deprecated)   | nothing (rejected)             |
/// | 5     | 4 bytes, little-endian                  | nothing (skipped)              |
enum ProtobufWireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}
