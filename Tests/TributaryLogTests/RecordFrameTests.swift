import XCTest
@testable import TributaryLog

final class RecordFrameTests: XCTestCase {
    private func encoded(offset: UInt64 = 42, key: [UInt8] = Array("key".utf8), value: [UInt8] = Array("a value".utf8)) -> [UInt8] {
        var buffer: [UInt8] = []
        RecordFrame.append(offset: offset, timestampMs: 1_700_000_000_123, attributes: 0xA5, key: key, value: value, to: &buffer)
        return buffer
    }

    func testRoundTripKeepsEveryField() {
        let bytes = encoded()
        XCTAssertEqual(bytes.count, RecordFrame.encodedBytes(keyBytes: 3, valueBytes: 7))
        let expected = LogRecord(
            offset: 42, timestampMs: 1_700_000_000_123, key: Array("key".utf8), value: Array("a value".utf8),
            attributes: 0xA5)
        XCTAssertEqual(RecordFrame.decode(bytes, at: 0), .record(expected, frameBytes: bytes.count))
    }

    func testEmptyKeyAndValueRoundTrip() {
        let bytes = encoded(key: [], value: [])
        XCTAssertEqual(bytes.count, RecordFrame.overheadBytes)
        guard case .record(let record, _) = RecordFrame.decode(bytes, at: 0) else {
            return XCTFail("empty record did not decode")
        }
        XCTAssertEqual(record.key, [])
        XCTAssertEqual(record.value, [])
    }

    func testDecodesConsecutiveFramesAtTheirPositions() {
        let first = encoded(offset: 1)
        let second = encoded(offset: 2, value: Array("second".utf8))
        let both = first + second
        guard case .record(let record, let frameBytes) = RecordFrame.decode(both, at: first.count) else {
            return XCTFail("second frame did not decode")
        }
        XCTAssertEqual(record.offset, 2)
        XCTAssertEqual(record.value, Array("second".utf8))
        XCTAssertEqual(frameBytes, second.count)
    }

    func testEveryFlippedByteIsRejected() {
        let bytes = encoded()
        guard case .record(let original, _) = RecordFrame.decode(bytes, at: 0) else { return XCTFail("no record") }
        for position in 0 ..< bytes.count {
            var damaged = bytes
            damaged[position] ^= 0x10
            if case .record(let record, _) = RecordFrame.decode(damaged, at: 0) {
                XCTFail("flipping byte \(position) still decoded \(record), original \(original)")
            }
        }
    }

    func testFlippedPayloadByteIsACRCMismatch() {
        var bytes = encoded()
        bytes[bytes.count - 1] ^= 0xFF
        guard case .corrupt(let reason) = RecordFrame.decode(bytes, at: 0) else { return XCTFail("not corrupt") }
        XCTAssertTrue(reason.contains("CRC"), reason)
    }

    func testTruncatedFrameIsIncomplete() {
        let bytes = encoded()
        for length in 0 ..< bytes.count {
            let decoded = RecordFrame.decode(Array(bytes.prefix(length)), at: 0)
            let expectedBytes = length < 4 ? 4 : bytes.count
            XCTAssertEqual(decoded, .incomplete(frameBytes: expectedBytes), "prefix of \(length) bytes")
        }
    }

    func testLengthBelowMinimumOrAboveMaximumIsCorrupt() {
        var tooShort = encoded()
        tooShort.replaceSubrange(0 ..< 4, with: [3, 0, 0, 0])
        guard case .corrupt = RecordFrame.decode(tooShort, at: 0) else { return XCTFail("short length accepted") }
        var tooLong = encoded()
        tooLong.replaceSubrange(0 ..< 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        guard case .corrupt = RecordFrame.decode(tooLong, at: 0) else { return XCTFail("huge length accepted") }
    }

    func testInconsistentKeyLengthWithValidCRCIsCorrupt() {
        // Key length claims one byte more than stored; recompute the CRC so only the length check can catch it.
        var bytes = encoded()
        bytes[RecordFrame.keyLengthPosition] += 1
        let crc = CRC32C.checksum(Array(bytes[RecordFrame.checkedPosition...]))
        withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange(4 ..< 8, with: $0) }
        guard case .corrupt(let reason) = RecordFrame.decode(bytes, at: 0) else { return XCTFail("accepted") }
        XCTAssertFalse(reason.contains("CRC"), reason)
    }
}
