/// One message of an AWS event stream (`application/vnd.amazon.eventstream`), the framing SubscribeToShard uses to
/// push `SubscribeToShardEvent`s down one long HTTP response.
///
/// A value type with no knowledge of the wire: `EventStreamEncoder` frames it, `EventStreamDecoder` unframes it.
/// Message layout, big-endian:
///
/// | Offset    | Size       | Field                                                           |
/// |-----------|------------|-----------------------------------------------------------------|
/// | 0         | 4          | total length t (UInt32), this field through the message CRC     |
/// | 4         | 4          | headers length h (UInt32)                                       |
/// | 8         | 4          | prelude CRC: CRC-32 of bytes 0..<8                              |
/// | 12        | h          | headers, back to back (layout on `EventStreamHeader`)           |
/// | 12 + h    | t - h - 16 | payload                                                         |
/// | t - 4     | 4          | message CRC: CRC-32 of bytes 0..<t-4                            |
public struct EventStreamMessage: Sendable, Equatable {
    /// In wire order; names may repeat on the wire, `header(named:)` returns the first.
    public var headers: [EventStreamHeader]
    public var payload: [UInt8]

    public init(headers: [EventStreamHeader], payload: [UInt8]) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the first header called `name`, or nil.
    public func header(named name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }

    /// Bytes before the headers: total length, headers length and prelude CRC.
    static let preludeBytes = 12
    /// Bytes of the trailing message CRC.
    static let messageChecksumBytes = 4
    /// The smallest message: a prelude and a message CRC, no headers, no payload.
    static let messageBytesMin = preludeBytes + messageChecksumBytes
}
