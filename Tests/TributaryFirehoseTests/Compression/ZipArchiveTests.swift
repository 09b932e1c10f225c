import Foundation
import XCTest
@testable import TributaryFirehose

final class ZipArchiveTests: XCTestCase {
    let stamp = DOSTimestamp(year: 2024, month: 3, day: 9, hour: 17, minute: 45, second: 31)

    func testDOSTimestampPacksUTCFields() {
        XCTAssertEqual(stamp.date, (2024 - 1980) << 9 | 3 << 5 | 9)
        XCTAssertEqual(stamp.time, 17 << 11 | 45 << 5 | 15)
        let moment = Date(timeIntervalSince1970: 1_710_006_331)  // 2024-03-09T17:45:31Z
        XCTAssertEqual(DOSTimestamp(moment), stamp)
        XCTAssertEqual(DOSTimestamp(Date(timeIntervalSince1970: 0)).date, 1 << 5 | 1, "clamped to 1980-01-01")
    }

    func testArchiveHasOneEntryWithCorrectHeaders() throws {
        let contents = CompressionSamples.jsonLines(count: 50)
        let archive = try ZipArchive.singleEntry(named: "stream-1-2024-03-09-17-45-31-id", contents: contents, modified: stamp)
        func field32(_ offset: Int) -> Int { archive[offset ..< offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) } }
        func field16(_ offset: Int) -> Int { Int(archive[offset]) | Int(archive[offset + 1]) << 8 }
        XCTAssertEqual(field32(0), 0x0403_4B50)
        XCTAssertEqual(field16(8), 8, "deflate")
        XCTAssertEqual(field16(10), Int(stamp.time))
        XCTAssertEqual(field16(12), Int(stamp.date))
        XCTAssertEqual(UInt32(field32(14)), ZipArchive.crc32(of: contents))
        XCTAssertEqual(field32(22), contents.count)
        let end = archive.count - 22
        XCTAssertEqual(field32(end), 0x0605_4B50)
        XCTAssertEqual(field16(end + 10), 1, "one entry")
        XCTAssertEqual(field32(end + 16) + field32(end + 12), end, "central directory ends where the end record starts")
        XCTAssertEqual(field32(field32(end + 16)), 0x0201_4B50)
    }

    func testZipCRC32IsTheIEEEPolynomial() {
        XCTAssertEqual(ZipArchive.crc32(of: Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(ZipArchive.crc32(of: []), 0)
    }

    func testReadsBackNameAndContents() throws {
        for sample in CompressionSamples.roundTripInputs {
            let archive = try ZipArchive.singleEntry(named: "entry", contents: sample.bytes, modified: stamp)
            let entry = try ZipArchive.readSingleEntry(archive, maxBytes: sample.bytes.count)
            XCTAssertEqual(entry.name, "entry")
            XCTAssertEqual(entry.contents, sample.bytes, sample.label)
        }
    }

    func testNonASCIINameSetsTheUTF8Flag() throws {
        let ascii = try ZipArchive.singleEntry(named: "plain", contents: [1], modified: stamp)
        let accented = try ZipArchive.singleEntry(named: "flux-données", contents: [1], modified: stamp)
        XCTAssertEqual(ascii[7] & 0x08, 0)
        XCTAssertEqual(accented[7] & 0x08, 0x08)
        XCTAssertEqual(try ZipArchive.readSingleEntry(accented, maxBytes: 1).name, "flux-données")
    }

    func testRejectsANameLongerThanTheFieldAllows() {
        let name = String(repeating: "n", count: 65536)
        XCTAssertThrowsError(try ZipArchive.singleEntry(named: name, contents: [], modified: stamp)) {
            guard case .inputTooLarge = $0 as? CompressionError else { return XCTFail("\($0)") }
        }
    }

    func testReaderRejectsCorruption() throws {
        let archive = try ZipArchive.singleEntry(named: "entry", contents: Array("contents".utf8), modified: stamp)
        var badCRC = archive
        badCRC[14] ^= 1
        badCRC[archive.count - 22 - 5 - 46 + 16] ^= 1
        var badOffset = archive
        badOffset[archive.count - 6] = 0xFF
        let cases: [(String, [UInt8])] = [
            ("too short", Array(archive.prefix(10))),
            ("no end record", Array(archive.dropLast(2))),
            ("wrong CRC", badCRC),
            ("directory offset out of bounds", badOffset),
        ]
        for (label, bytes) in cases {
            XCTAssertThrowsError(try ZipArchive.readSingleEntry(bytes, maxBytes: 100), label) {
                guard case .corruptInput = $0 as? CompressionError else { return XCTFail("\(label): \($0)") }
            }
        }
    }
}
