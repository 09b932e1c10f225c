/// The typed value of one event stream header; the type byte on the wire decides which case.
///
/// Value layouts, all big-endian, after the header's type byte:
///
/// | Type | Case           | Value bytes                              |
/// |------|----------------|------------------------------------------|
/// | 0    | `.bool(true)`  | none                                     |
/// | 1    | `.bool(false)` | none                                     |
/// | 2    | `.byte`        | 1 (Int8)                                 |
/// | 3    | `.short`       | 2 (Int16)                                |
/// | 4    | `.integer`     | 4 (Int32)                                |
/// | 5    | `.long`        | 8 (Int64)                                |
/// | 6    | `.bytes`       | 2 (UInt16 length n) + n bytes            |
/// | 7    | `.string`      | 2 (UInt16 length n) + n bytes of UTF-8   |
/// | 8    | `.timestamp`   | 8 (Int64 milliseconds since the epoch)   |
/// | 9    | `.uuid`        | 16 bytes                                 |
public enum EventStreamHeaderValue: Sendable, Equatable {
    case bool(Bool)
    case byte(Int8)
    case short(Int16)
    case integer(Int32)
    case long(Int64)
    /// At most `UInt16.max` bytes.
    case bytes([UInt8])
    /// At most `UInt16.max` bytes of UTF-8.
    case string(String)
    /// Milliseconds since the epoch.
    case timestamp(Int64)
    /// Exactly 16 bytes.
    case uuid([UInt8])

    /// The type byte that precedes this value on the wire.
    var typeCode: UInt8 {
        switch self {
        case .bool(let value): value ? 0 : 1
        case .byte: 2
        case .short: 3
        case .integer: 4
        case .long: 5
        case .bytes: 6
        case .string: 7
        case .timestamp: 8
        case .uuid: 9
        }
    }
}
