import Foundation
import TributaryWire
import XCTest

final class EventStreamTests: XCTestCase {
    private let everyHeaderType = EventStreamMessage(headers: [
        EventStreamHeader(name: "true", value: .bool(true)),
        EventStreamHeader(name: "false", value: .bool(false)),
        EventStreamHeader(name: "byte", value: .byte(-7)),
        EventStreamHeader(name: "short", value: .short(-12345)),
        EventStreamHeader(name: "integer", value: .integer(Int32.min)),
        EventStreamHeader(name: "long", value: .long(Int64.max)),
        EventStreamHeader(name: "bytes", value: .bytes([0, 1, 2, 0xFF])),
        EventStreamHeader(name: "string", value: .string("héllo 😀")),
        EventStreamHeader(name: "timestamp", value: .timestamp(1_700_000_000_123)),
        EventStreamHeader(name: "uuid", value: .uuid(Array(0 ..< 16))),
    ], payload: Array("payload".utf8))

    private let subscribeToShardEvent = EventStreamEncoder.event(
        type: "SubscribeToShardEvent",
        payload: Array((
            #"{"ContinuationSequenceNumber":"49590338271490256608559692538361571095921575989136588898","#
                + #""MillisBehindLatest":0,"Records":[{"ApproximateArrivalTimestamp":1700000000.123,"#
                + #""Data":"aGVsbG8=","PartitionKey":"pk","#
                + #""SequenceNumber":"49590338271490256608559692538361571095921575989136588898"}]}"#
        ).utf8)
    )

    /// Frames raw header bytes with correct CRCs, so tests can reach the header parser with any content.
    private func frame(headers: [UInt8], payload: [UInt8] = []) -> [UInt8] {
        var output: [UInt8] = []
        appendBigEndian(UInt32(16 + headers.count + payload.count), into: &output)
        appendBigEndian(UInt32(headers.count), into: &output)
        appendBigEndian(CRC32.checksum(output), into: &output)
        output += headers + payload
        appendBigEndian(CRC32.checksum(output), into: &output)
        return output
    }

    /// A bare prelude (total length, headers length, prelude CRC) with a correct CRC.
    private func prelude(totalCount: UInt32, headersCount: UInt32) -> [UInt8] {
        var output: [UInt8] = []
        appendBigEndian(totalCount, into: &output)
        appendBigEndian(headersCount, into: &output)
        appendBigEndian(CRC32.checksum(output), into: &output)
        return output
    }

    private func appendBigEndian(_ value: UInt32, into output: inout [UInt8]) {
        output += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private func decodeAll(_ bytes: [UInt8]) throws -> [EventStreamMessage] {
        var decoder = EventStreamDecoder()
        decoder.append(bytes)
        var messages: [EventStreamMessage] = []
        while let message = try decoder.next() { messages.append(message) }
        XCTAssertEqual(decoder.bufferedByteCount, 0)
        return messages
    }

    // MARK: CRC-32

    func testCRC32MatchesTheIEEECheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
        XCTAssertEqual(CRC32.checksum(Array("6789".utf8), seed: CRC32.checksum(Array("12345".utf8))), 0xCBF4_3926)
    }

    // MARK: Framing

    func testEmptyMessageMatchesTheKnownEncoding() throws {
        let encoded = EventStreamEncoder.encode(EventStreamMessage(headers: [], payload: []))
        XCTAssertEqual(encoded, [0, 0, 0, 0x10, 0, 0, 0, 0, 0x05, 0xC2, 0x48, 0xEB, 0x7D, 0x98, 0xC8, 0xFF])
        XCTAssertEqual(try decodeAll(encoded), [EventStreamMessage(headers: [], payload: [])])
    }

    func testEveryHeaderTypeRoundTrips() throws {
        let encoded = EventStreamEncoder.encode(everyHeaderType)
        XCTAssertEqual(try decodeAll(encoded), [everyHeaderType])
        let decoded = try decodeAll(encoded)[0]
        XCTAssertEqual(decoded.header(named: "string"), .string("héllo 😀"))
        XCTAssertNil(decoded.header(named: "missing"))
    }

    func testConvenienceConstructorsSetTheStandardHeaders() {
        XCTAssertEqual(subscribeToShardEvent.header(named: ":event-type"), .string("SubscribeToShardEvent"))
        XCTAssertEqual(subscribeToShardEvent.header(named: ":content-type"), .string("application/json"))
        XCTAssertEqual(subscribeToShardEvent.header(named: ":message-type"), .string("event"))
        let exception = EventStreamEncoder.exception(type: "ResourceNotFoundException", payload: Array(#"{"message":"gone"}"#.utf8))
        XCTAssertEqual(exception.header(named: ":exception-type"), .string("ResourceNotFoundException"))
        XCTAssertEqual(exception.header(named: ":content-type"), .string("application/json"))
        XCTAssertEqual(exception.header(named: ":message-type"), .string("exception"))
    }

    func testByteAtATimeDecodingYieldsEachMessageOnce() throws {
        let messages = [subscribeToShardEvent, everyHeaderType, EventStreamMessage(headers: [], payload: [])]
        let stream = messages.flatMap { EventStreamEncoder.encode($0) }
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        for byte in stream {
            decoder.append([byte])
            while let message = try decoder.next() { decoded.append(message) }
        }
        XCTAssertEqual(decoded, messages)
        XCTAssertEqual(decoder.bufferedByteCount, 0)
        XCTAssertNil(try decoder.next())
    }

    // MARK: Corruption

    func testCorruptionOfEachRegionIsRefused() throws {
        let encoded = EventStreamEncoder.encode(everyHeaderType)
        let headersCount = encoded.count - 16 - everyHeaderType.payload.count
        let regions: [(String, Int)] = [
            ("total length", 3), ("headers length", 7), ("prelude CRC", 9), ("headers", 12 + headersCount / 2),
            ("payload", 12 + headersCount + 2), ("message CRC", encoded.count - 1),
        ]
        for (region, offset) in regions {
            var corrupted = encoded
            corrupted[offset] ^= 0x01
            XCTAssertThrowsError(try decodeAll(corrupted), region) { XCTAssertTrue($0 is DocumentDecodingError, region) }
        }
    }

    func testBadPreludeIsRefusedBeforeTheMessageArrives() {
        var decoder = EventStreamDecoder()
        decoder.append(prelude(totalCount: UInt32(EventStreamDecoder.messageBytesMax + 1), headersCount: 0))
        XCTAssertThrowsError(try decoder.next())

        decoder = EventStreamDecoder()
        var badChecksum = prelude(totalCount: 1000, headersCount: 0)
        badChecksum[11] ^= 0xFF
        decoder.append(badChecksum)
        XCTAssertThrowsError(try decoder.next())

        decoder = EventStreamDecoder()
        decoder.append(prelude(totalCount: 1000, headersCount: 0))
        XCTAssertNil(try decoder.next(), "a good prelude waits for the rest")
    }

    func testImpossibleLengthsAreRefused() {
        for (total, headers) in [(0, 0), (15, 0), (16, 1), (100, 85), (UInt32.max, 0)] as [(UInt32, UInt32)] {
            var decoder = EventStreamDecoder()
            decoder.append(prelude(totalCount: total, headersCount: headers) + [UInt8](repeating: 0, count: 100))
            XCTAssertThrowsError(try decoder.next(), "total \(total), headers \(headers)")
        }
    }

    func testMalformedHeadersAreRefused() {
        let cases: [(String, [UInt8])] = [
            ("unknown type 10", [1, 0x61, 10]),
            ("unknown type 255", [1, 0x61, 255]),
            ("name longer than headers", [5, 0x61, 0x62]),
            ("missing type", [1, 0x61]),
            ("empty name", [0, 0]),
            ("truncated integer", [1, 0x61, 4, 0, 0]),
            ("truncated long", [1, 0x61, 5, 0, 0, 0, 0]),
            ("truncated string length", [1, 0x61, 7, 0]),
            ("string longer than headers", [1, 0x61, 7, 0, 10, 0x61, 0x62, 0x63]),
            ("bytes longer than headers", [1, 0x61, 6, 0xFF, 0xFF]),
            ("truncated uuid", [1, 0x61, 9] + [UInt8](repeating: 0, count: 15)),
            ("invalid UTF-8 name", [1, 0xFF, 0]),
            ("invalid UTF-8 string", [1, 0x61, 7, 0, 2, 0xC3, 0x28]),
        ]
        for (reason, headers) in cases {
            XCTAssertThrowsError(try decodeAll(frame(headers: headers, payload: [1, 2, 3])), reason)
        }
        let minimal = EventStreamMessage(headers: [EventStreamHeader(name: "a", value: .bool(true))], payload: [])
        XCTAssertEqual(try decodeAll(frame(headers: [1, 0x61, 0])), [minimal])
    }

    // MARK: Interoperability

    /// botocore's own `EventStreamBuffer` (what the AWS CLI and boto3 use for SubscribeToShard) must read our frames.
    func testBotocoreParsesOurFrames() throws {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        guard (try? run(python, ["python3", "-c", "import botocore.eventstream"])) == 0 else {
            throw XCTSkip("python3 with botocore is not installed")
        }
        let exception = EventStreamEncoder.exception(type: "ResourceInUseException", payload: Array(#"{"message":"busy"}"#.utf8))
        let messages = [subscribeToShardEvent, everyHeaderType, exception]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("event-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("frames.bin")
        let output = directory.appendingPathComponent("parsed.json")
        try Data(messages.flatMap { EventStreamEncoder.encode($0) }).write(to: input)

        let script = """
        import base64, json, sys
        from botocore.eventstream import EventStreamBuffer
        buffer = EventStreamBuffer()
        buffer.add_data(open(sys.argv[1], 'rb').read())
        def value(v):
            if isinstance(v, bytes): return {'bytes': base64.b64encode(v).decode()}
            return v
        parsed = [{'headers': {k: value(v) for k, v in m.headers.items()},
                   'payload': base64.b64encode(m.payload).decode()} for m in buffer]
        open(sys.argv[2], 'w').write(json.dumps(parsed))
        """
        XCTAssertEqual(try run(python, ["python3", "-c", script, input.path, output.path]), 0)
        let parsed = try JSONDocumentDecoder.decode(Array(Data(contentsOf: output)))
        XCTAssertEqual(parsed, .array(messages.map(botocoreView)))
    }

    /// What the botocore script prints for `message`: headers as a JSON object, bytes and UUIDs base64-wrapped.
    private func botocoreView(_ message: EventStreamMessage) -> Document {
        var headers: [String: Document] = [:]
        for header in message.headers {
            switch header.value {
            case .bool(let value): headers[header.name] = .bool(value)
            case .byte(let value): headers[header.name] = .integer(Int64(value))
            case .short(let value): headers[header.name] = .integer(Int64(value))
            case .integer(let value): headers[header.name] = .integer(Int64(value))
            case .long(let value), .timestamp(let value): headers[header.name] = .integer(value)
            case .string(let value): headers[header.name] = .string(value)
            case .bytes(let value), .uuid(let value): headers[header.name] = .object(["bytes": .string(Base64.encode(value))])
            }
        }
        return .object(["headers": .object(headers), "payload": .string(Base64.encode(message.payload))])
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
