import XCTest
@testable import TributaryLog

final class CRC32CTests: XCTestCase {
    func testCheckValueOfDigitsIsE3069283() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
    }

    func testEmptyInputIsZero() {
        XCTAssertEqual(CRC32C.checksum([]), 0)
    }

    /// RFC 3720 appendix B.4 vectors.
    func testISCSIVectors() {
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum((0 ..< 32).map { UInt8($0) }), 0x46DD_794E)
        XCTAssertEqual(CRC32C.checksum((0 ..< 32).map { UInt8(31 - $0) }), 0x113F_DB5C)
    }

    func testSlicedComputationMatchesBitwiseForAllLengthsAndAlignments() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0 ..< 300).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        for start in 0 ..< 9 {
            for end in stride(from: start, through: bytes.count, by: 7) {
                let slice = Array(bytes[start ..< end])
                XCTAssertEqual(CRC32C.checksum(slice), bitwiseCRC32C(slice), "bytes \(start)..<\(end)")
            }
        }
    }

    func testSeedContinuesAChecksum() {
        let first = Array("12345".utf8)
        let second = Array("6789".utf8)
        XCTAssertEqual(CRC32C.checksum(second, seed: CRC32C.checksum(first)), 0xE306_9283)
    }

    private func bitwiseCRC32C(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 {
                crc = (crc & 1) == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
        }
        return ~crc
    }
}
