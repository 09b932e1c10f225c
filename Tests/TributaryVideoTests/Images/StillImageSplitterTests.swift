@testable import TributaryVideo
import XCTest

/// Cutting image2pipe output into its images, and refusing output that is not whole images.
final class StillImageSplitterTests: XCTestCase {
    /// A PNG-shaped byte string: signature, IHDR, an IDAT of `payload`, IEND (CRCs are not checked by the splitter).
    private func png(_ payload: [UInt8]) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        return StillImageSplitter.pngSignature + chunk("IHDR", [UInt8](repeating: 1, count: 13))
            + chunk("IDAT", payload) + chunk("IEND", [])
    }

    /// A JPEG-shaped byte string whose entropy data holds stuffed bytes and restart markers.
    private func jpeg(_ scan: [UInt8]) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xDB, 0x00, 0x03, 0x07,
         0xFF, 0xDA, 0x00, 0x03, 0x01] + scan + [0xFF, 0xD9]
    }

    func testConcatenatedPNGsSplitAtEachIEND() throws {
        // IDAT data that contains the bytes of "IEND" must not end the image.
        let images = [png(Array("IEND".utf8) + [9, 9]), png([]), png([UInt8](repeating: 0xFF, count: 300))]
        XCTAssertEqual(StillImageSplitter.images(images.flatMap { $0 }, format: .png), images)
    }

    func testConcatenatedJPEGsSplitAtEachEndOfImage() throws {
        let images = [jpeg([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0x00]), jpeg([]), jpeg([0xFF, 0xD7, 0x01])]
        XCTAssertEqual(StillImageSplitter.images(images.flatMap { $0 }, format: .jpeg), images)
    }

    func testTruncatedOrForeignBytesAreRefused() {
        let whole = png([1, 2, 3])
        XCTAssertNil(StillImageSplitter.images(Array(whole.dropLast(5)), format: .png))
        XCTAssertNil(StillImageSplitter.images(whole + [0x89], format: .png))
        XCTAssertNil(StillImageSplitter.images(jpeg([1, 2]), format: .png))
        XCTAssertNil(StillImageSplitter.images(Array(jpeg([1, 2]).dropLast(2)), format: .jpeg))
        XCTAssertNil(StillImageSplitter.images(whole, format: .jpeg))
        XCTAssertEqual(StillImageSplitter.images([], format: .jpeg), [])
    }
}
