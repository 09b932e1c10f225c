/// Frames `EventStreamMessage`s for `application/vnd.amazon.eventstream` responses (SubscribeToShard).
///
/// The layout is documented on `EventStreamMessage` (message) and `EventStreamHeader` / `EventStreamHeaderValue`
/// (headers). Limits a caller must respect are programmer errors, checked with `precondition`: header names of
/// 1-255 bytes, byte and string values of at most 65535 bytes, UUIDs of 16 bytes, and a total length that fits
/// UInt32 (the gateway keeps messages far below `EventStreamDecoder.messageBytesMax`).
public enum EventStreamEncoder {
    public static func encode(_ message: EventStreamMessage) -> [UInt8] {
        var headers: [UInt8] = []
        for header in message.headers { writeHeader(header, into: &headers) }
        let totalCount = EventStreamMessage.messageBytesMin + headers.count + message.payload.count
        precondition(totalCount <= Int(UInt32.max), "Event stream message too large")

        var output: [UInt8] = []
        output.reserveCapacity(totalCount)
        appendBigEndian(UInt32(totalCount), into: &output)
        appendBigEndian(UInt32(headers.count), into: &output)
        appendBigEndian(CRC32.checksum(output), into: &output)
        output.append(contentsOf: headers)
        output.append(contentsOf: message.payload)
        appendBigEndian(CRC32.checksum(output), into: &output)
        assert(output.count == totalCount)
        return output
    }

    /// An event such as `SubscribeToShardEvent`: headers `:event-type`, `:content-type`, `:message-type` = "event".
    public static func event(
        type: String, payload: [UInt8], contentType: String = "application/json"
    ) -> EventStreamMessage {
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":event-type", value: .string(type)),
            EventStreamHeader(name: ":content-type", value: .string(contentType)),
            EventStreamHeader(name: ":message-type", value: .string("event")),
        ], payload: payload)
    }

    /// A modeled exception ending the stream (for example `ResourceNotFoundException`): headers `:exception-type`,
    /// `:content-type` = "application/json", `:message-type` = "exception"; the payload is the JSON error body.
    public static func exception(type: String, payload: [UInt8]) -> EventStreamMessage {
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":exception-type", value: .string(type)),
            EventStreamHeader(name: ":content-type", value: .string("application/json")),
            EventStreamHeader(name: ":message-type", value: .string("exception")),
        ], payload: payload)
    }

    static func writeHeader(_ header: EventStreamHeader, into output: inout [UInt8]) {
        let name = Array(header.name.utf8)
        precondition((1 ... 255).contains(name.count), "Event stream header names are 1-255 bytes")
        output.append(UInt8(name.count))
        output.append(contentsOf: name)
        output.append(header.value.typeCode)
        switch header.value {
        case .bool: break
        case .byte(let value): output.append(UInt8(bitPattern: value))
        case .short(let value): appendBigEndian(UInt16(bitPattern: value), into: &output)
        case .integer(let value): appendBigEndian(UInt32(bitPattern: value), into: &output)
        case .long(let value), .timestamp(let value): appendBigEndian(UInt64(bitPattern: value), into: &output)
        case .bytes(let bytes): writeVariable(bytes, into: &output)
        case .string(let text): writeVariable(Array(text.utf8), into: &output)
        case .uuid(let bytes):
            precondition(bytes.count == 16, "Event stream UUIDs are 16 bytes")
            output.append(contentsOf: bytes)
        }
    }

    private static func writeVariable(_ bytes: [UInt8], into output: inout [UInt8]) {
        precondition(bytes.count <= Int(UInt16.max), "Event stream header values are at most 65535 bytes")
        appendBigEndian(UInt16(bytes.count), into: &output)
        output.append(contentsOf: bytes)
    }

    private static func appendBigEndian<Value: FixedWidthInteger>(_ value: Value, into output: inout [UInt8]) {
        for shift in stride(from: Value.bitWidth - 8, through: 0, by: -8) {
            output.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
