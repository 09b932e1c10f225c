import TributaryWire
import XCTest

/// Inputs on which `FuzzCBORDocument` (Fuzz/) found the CBOR decoder reading past its input.
///
/// The length of a chunk of an indefinite-length byte string was checked against the bytes that remained *before*
/// its 1-8 byte length argument was read, so a chunk could claim up to 8 bytes more than were left, and the decoder
/// copied them from beyond the end of the body (AddressSanitizer: heap-buffer-overflow in `CBORReader.readChunks`).
/// Each case hands the decoder the front of a larger buffer, so that the bytes just past the input are known and the
/// test stays memory-safe whatever the decoder does; a correct decoder refuses the length without touching them.
final class RegressionCBORChunkLengthTests: XCTestCase {
    private func decodingError(_ input: [UInt8], followedBy beyond: [UInt8]) -> DocumentDecodingError? {
        let buffer = input + beyond
        return buffer.withUnsafeBytes { all in
            do {
                let document = try CBORDocumentDecoder.decode(UnsafeRawBufferPointer(rebasing: all[0 ..< input.count]))
                XCTFail("decoded \(document) from \(input) although it ends inside a chunk")
                return nil
            } catch let error as DocumentDecodingError {
                return error
            } catch {
                XCTFail("unexpected error \(error)")
                return nil
            }
        }
    }

    /// The 3-byte reproducer: 5F (indefinite byte string), 58 01 (a chunk of 1 byte, its length in one more byte),
    /// then the input ends.
    func testChunkLengthInAOneByteArgumentIsCheckedAgainstTheBytesAfterTheArgument() {
        let error = decodingError([0x5F, 0x58, 0x01], followedBy: [0xAB, 0xFF])
        XCTAssertEqual(error?.message.hasPrefix("CBOR length 1 exceeds the remaining 0 bytes"), true,
                       "got \(String(describing: error))")
    }

    /// The widest argument: 5B then an 8-byte length of 9 where 1 byte is left, so the stale check saw 9 bytes.
    func testChunkLengthInAnEightByteArgumentIsCheckedAgainstTheBytesAfterTheArgument() {
        let input: [UInt8] = [0x5F, 0x5B, 0, 0, 0, 0, 0, 0, 0, 0x09, 0x41]
        let error = decodingError(input, followedBy: Array(repeating: 0xAB, count: 8) + [0xFF])
        XCTAssertEqual(error?.message.hasPrefix("CBOR length 9 exceeds the remaining 1 bytes"), true,
                       "got \(String(describing: error))")
    }

    /// The same chunk with its bytes present still decodes, so the fix cannot simply refuse long-form lengths.
    func testChunkWithALongFormLengthAndAllItsBytesDecodes() throws {
        let document = try CBORDocumentDecoder.decode([0x5F, 0x58, 0x02, 0x01, 0x02, 0x59, 0x00, 0x01, 0x03, 0xFF])
        XCTAssertEqual(document, .blob([0x01, 0x02, 0x03]))
    }
}
