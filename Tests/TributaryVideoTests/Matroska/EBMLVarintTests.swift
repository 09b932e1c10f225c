import TributaryVideo
import XCTest

final class EBMLVarintTests: XCTestCase {
    func testDecodesSizesOfEveryLength() {
        XCTAssertEqual(EBMLVarint.decodeSize([0x81]), .value(1, length: 1))
        XCTAssertEqual(EBMLVarint.decodeSize([0x40, 0x02]), .value(2, length: 2))
        XCTAssertEqual(EBMLVarint.decodeSize([0x10, 0x00, 0x01, 0x00]), .value(256, length: 4))
        XCTAssertEqual(EBMLVarint.decodeSize([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]),
                       .value(EBMLVarint.maximumKnownSize, length: 8))
    }

    func testUnknownSizeMarkerInAnyLength() {
        XCTAssertEqual(EBMLVarint.decodeSize([0xFF]), .value(nil, length: 1))
        XCTAssertEqual(EBMLVarint.decodeSize([0x7F, 0xFF]), .value(nil, length: 2))
        XCTAssertEqual(EBMLVarint.decodeSize(EBMLVarint.unknownSize()), .value(nil, length: 8))
        XCTAssertEqual(EBMLVarint.decodeSize(EBMLVarint.unknownSize(length: 3)), .value(nil, length: 3))
    }

    func testIncompleteAndInvalid() {
        XCTAssertEqual(EBMLVarint.decodeSize([UInt8]()), .needMoreData)
        XCTAssertEqual(EBMLVarint.decodeSize([0x20, 0x00]), .needMoreData)
        guard case .invalid = EBMLVarint.decodeSize([0x00, 0x01]) else { return XCTFail("zero first byte") }
        guard case .invalid = EBMLVarint.decodeID([0x08, 0, 0, 0, 0]) else { return XCTFail("5-byte id") }
        guard case .invalid = EBMLVarint.decodeID([0xFF]) else { return XCTFail("reserved id") }
        XCTAssertEqual(EBMLVarint.decodeID([0x1A, 0x45, 0xDF]), .needMoreData)
    }

    func testDecodesIDsKeepingTheMarker() {
        XCTAssertEqual(EBMLVarint.decodeID([0x1F, 0x43, 0xB6, 0x75, 0x01]), .value(.cluster, length: 4))
        XCTAssertEqual(EBMLVarint.decodeID([0xA3]), .value(.simpleBlock, length: 1))
        XCTAssertEqual(EBMLVarint.decodeID([0x2A, 0xD7, 0xB1]), .value(.timecodeScale, length: 3))
    }

    func testEncodingRoundTrips() {
        for value: UInt64 in [0, 1, 126, 127, 16382, 16383, 1 << 20, 1 << 40, EBMLVarint.maximumKnownSize] {
            guard let bytes = EBMLVarint.encodeSize(value) else { return XCTFail("cannot encode \(value)") }
            XCTAssertEqual(EBMLVarint.decodeSize(bytes), .value(value, length: bytes.count), "\(value)")
        }
        XCTAssertEqual(EBMLVarint.encodeSize(127), [0x40, 0x7F], "127 is the 1-byte unknown marker")
        XCTAssertEqual(EBMLVarint.encodeSize(5, length: 8), [0x01, 0, 0, 0, 0, 0, 0, 5])
        XCTAssertNil(EBMLVarint.encodeSize(1 << 56))
        XCTAssertNil(EBMLVarint.encodeSize(300, length: 1))
        for id in [EBMLElementID.ebmlHeader, .cluster, .timecodeScale, .tagName, .simpleBlock] {
            XCTAssertEqual(EBMLVarint.decodeID(EBMLVarint.encodeID(id)), .value(id, length: EBMLVarint.encodeID(id).count))
        }
    }
}
