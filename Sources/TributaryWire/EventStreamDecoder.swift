/// Unframes an AWS event stream (`application/vnd.amazon.eventstream`) incrementally, as bytes arrive.
///
/// The server only writes event streams; this decoder exists so tests, tools and a future client can read what the
/// gateway sends, checked the way the SDKs check it. Layout: see `EventStreamMessage`. A value type and `Sendable`;
/// one decoder belongs to one stream. `next()` returns nil until a whole message is buffered and rejects a bad
/// prelude as soon as its 12 bytes are in, so a corrupt length never makes the decoder wait for 4 GiB. After a throw
/// the stream has lost its framing (event streams cannot resynchronize) and must be abandoned. The caller bounds the
/// buffer by calling `next()` after each `append(_:)`: at most one partial message (`messageBytesMax`) stays buffered.
///
/// Refused with `DocumentDecodingError`: a bad prelude CRC, a bad message CRC, a total length below 16 or above
/// `messageBytesMax`, a headers length beyond the message or above `headersBytesMax`, an unknown header value type,
/// truncated headers, empty or non-UTF-8 header names and non-UTF-8 string values.
public struct EventStreamDecoder: Sendable {
    /// Largest message accepted: the event stream specification's 16 MiB ceiling; SubscribeToShard events are at
    /// most a few MiB of records, so anything bigger is corruption or hostility.
    public static let messageBytesMax = 16 * 1024 * 1024
    /// Largest headers section accepted: the specification's 128 KiB ceiling (the SDKs refuse more too).
    public static let headersBytesMax = 128 * 1024

    private var buffer: [UInt8] = []
    /// Offset in `buffer` of the first byte not yet returned as part of a message.
    private var readIndex = 0

    public init() {}

    /// Bytes appended but not yet returned in a message.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: [UInt8]) {
        if readIndex > 0, readIndex >= buffer.count / 2 {
            buffer.removeSubrange(0 ..< readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole message, or nil when more bytes are needed.
    public mutating func next() throws -> EventStreamMessage? {
        let start = readIndex
        let parsed = try buffer.withUnsafeBytes { all in
            try Self.parseMessage(UnsafeRawBufferPointer(rebasing: all[start...]))
        }
        guard let (message, consumedCount) = parsed else { return nil }
        readIndex += consumedCount
        return message
    }

    /// Parses the message at the start of `bytes`: nil if it is not all there yet, else it and its length.
    static func parseMessage(_ bytes: UnsafeRawBufferPointer) throws -> (EventStreamMessage, Int)? {
        guard bytes.count >= EventStreamMessage.preludeBytes else { return nil }
        let totalCount = Int(readBigEndian(UInt32.self, bytes, at: 0))
        let headersCount = Int(readBigEndian(UInt32.self, bytes, at: 4))
        let preludeChecksum = readBigEndian(UInt32.self, bytes, at: 8)
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0 ..< 8])) == preludeChecksum else {
            throw DocumentDecodingError("Event stream prelude CRC mismatch")
        }
        guard totalCount >= EventStreamMessage.messageBytesMin, totalCount <= messageBytesMax else {
            throw DocumentDecodingError("Event stream message length \(totalCount) outside 16...\(messageBytesMax)")
        }
        guard headersCount <= totalCount - EventStreamMessage.messageBytesMin, headersCount <= headersBytesMax else {
            throw DocumentDecodingError("Event stream headers length \(headersCount) exceeds the message")
        }
        guard bytes.count >= totalCount else { return nil }

        let checkedEnd = totalCount - EventStreamMessage.messageChecksumBytes
        let messageChecksum = readBigEndian(UInt32.self, bytes, at: checkedEnd)
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0 ..< checkedEnd])) == messageChecksum else {
            throw DocumentDecodingError("Event stream message CRC mismatch")
        }
        let headersEnd = EventStreamMessage.preludeBytes + headersCount
        let headersRegion = bytes[EventStreamMessage.preludeBytes ..< headersEnd]
        let headers = try parseHeaders(UnsafeRawBufferPointer(rebasing: headersRegion))
        let payload = Array(UnsafeRawBufferPointer(rebasing: bytes[headersEnd ..< checkedEnd]))
        return (EventStreamMessage(headers: headers, payload: payload), totalCount)
    }

    static func parseHeaders(_ bytes: UnsafeRawBufferPointer) throws -> [EventStreamHeader] {
        var headers: [EventStreamHeader] = []
        var offset = 0
        func take(_ count: Int) throws -> Int {
            guard count <= bytes.count - offset else {
                throw DocumentDecodingError("Truncated event stream header at offset \(offset)")
            }
            defer { offset += count }
            return offset
        }
        while offset < bytes.count {
            let nameCount = Int(bytes[try take(1)])
            guard nameCount > 0 else { throw DocumentDecodingError("Empty event stream header name") }
            let name = try text(bytes, at: take(nameCount), count: nameCount)
            let typeCode = bytes[try take(1)]
            let value: EventStreamHeaderValue
            switch typeCode {
            case 0: value = .bool(true)
            case 1: value = .bool(false)
            case 2: value = .byte(Int8(bitPattern: bytes[try take(1)]))
            case 3: value = .short(Int16(bitPattern: readBigEndian(UInt16.self, bytes, at: try take(2))))
            case 4: value = .integer(Int32(bitPattern: readBigEndian(UInt32.self, bytes, at: try take(4))))
            case 5: value = .long(Int64(bitPattern: readBigEndian(UInt64.self, bytes, at: try take(8))))
            case 6, 7:
                let count = Int(readBigEndian(UInt16.self, bytes, at: try take(2)))
                let start = try take(count)
                if typeCode == 6 {
                    value = .bytes(Array(UnsafeRawBufferPointer(rebasing: bytes[start ..< start + count])))
                } else {
                    value = .string(try text(bytes, at: start, count: count))
                }
            case 8: value = .timestamp(Int64(bitPattern: readBigEndian(UInt64.self, bytes, at: try take(8))))
            case 9:
                let start = try take(16)
                value = .uuid(Array(UnsafeRawBufferPointer(rebasing: bytes[start ..< start + 16])))
            default:
                throw DocumentDecodingError("Unknown event stream header value type \(typeCode)")
            }
            headers.append(EventStreamHeader(name: name, value: value))
        }
        return headers
    }

    private static func text(_ bytes: UnsafeRawBufferPointer, at start: Int, count: Int) throws -> String {
        let run = UnsafeRawBufferPointer(rebasing: bytes[start ..< start + count])
        guard let text = String(validating: run, as: UTF8.self) else {
            throw DocumentDecodingError("Invalid UTF-8 in an event stream header")
        }
        return text
    }

    /// Reads a big-endian integer at `offset`; the caller has checked that it fits.
    private static func readBigEndian<Value: FixedWidthInteger>(
        _ type: Value.Type, _ bytes: UnsafeRawBufferPointer, at offset: Int
    ) -> Value {
        var value: Value = 0
        for index in offset ..< offset + Value.bitWidth / 8 { value = value << 8 | Value(bytes[index]) }
        return value
    }
}
