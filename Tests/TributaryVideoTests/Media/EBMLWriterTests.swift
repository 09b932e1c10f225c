import TributaryVideo
import XCTest

final class EBMLWriterTests: XCTestCase {
    typealias W = EBMLTestWriter

    func testElementsMatchTheIndependentTestWriter() {
        XCTAssertEqual(EBMLWriter.unsigned(.timecode, 0), W.uint(0xE7, 0))
        XCTAssertEqual(EBMLWriter.unsigned(.timecode, 255), W.uint(0xE7, 255))
        XCTAssertEqual(EBMLWriter.unsigned(.timecode, 256), W.uint(0xE7, 256))
        XCTAssertEqual(EBMLWriter.unsigned(.timecodeScale, 1_000_000), W.uint(0x2AD7B1, 1_000_000))
        XCTAssertEqual(EBMLWriter.unsigned(.timecode, UInt64.max), W.uint(0xE7, UInt64.max))
        XCTAssertEqual(EBMLWriter.string(.codecID, "A_AAC"), W.string(0x86, "A_AAC"))
        XCTAssertEqual(EBMLWriter.float(.samplingFrequency, 44100), W.float(0xB5, 44100))
        XCTAssertEqual(EBMLWriter.binary(.codecPrivate, [1, 2]), W.element(0x63A2, [1, 2]))
        XCTAssertEqual(EBMLWriter.ebmlHeader(), W.header())
        XCTAssertEqual(EBMLWriter.unknownSizeHeader(.segment), W.unknownSizeElement(0x1853_8067))
        XCTAssertEqual(EBMLWriter.tags([MatroskaTag(targetTypeValue: 50, simpleTags: [
            MatroskaSimpleTag(name: "a", string: "1"), MatroskaSimpleTag(name: "b", string: "2"),
        ])]), W.tags([("a", "1"), ("b", "2")]))
    }

    func testSizesGrowWithThePayload() {
        for count in [0, 1, 126, 127, 16_382, 16_383, 70_000] {
            let element = EBMLWriter.binary(.codecPrivate, [UInt8](repeating: 7, count: count))
            guard case .value(let size?, let length) = EBMLVarint.decodeSize(element.dropFirst(2)) else {
                return XCTFail("no size for \(count)")
            }
            XCTAssertEqual(size, UInt64(count))
            XCTAssertEqual(element.count, 2 + length + count)
        }
    }

    func testNestedTagsReadBack() throws {
        let tag = MatroskaTag(targetTypeValue: 30, trackUIDs: [1001], simpleTags: [
            MatroskaSimpleTag(name: "outer", string: "x", children: [MatroskaSimpleTag(name: "inner", binary: [0, 1])]),
        ])
        let document = W.header() + W.unknownSizeElement(0x1853_8067, EBMLWriter.tags([tag]))
        XCTAssertEqual(try ReaderHarness.events(document).compactMap { if case .tags(let t) = $0 { t } else { nil } },
                       [[tag]])
    }
}
