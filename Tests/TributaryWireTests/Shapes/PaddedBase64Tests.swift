@testable import TributaryWire
import XCTest

/// The validation-time base64 check accepts exactly the blobs the service's decoder will accept.
final class PaddedBase64Tests: XCTestCase {
    func testAgreesWithTheDecoderOnEveryShortString() {
        // Every string of up to 6 characters over an alphabet that mixes valid, padding and invalid characters.
        let characters: [Character] = ["A", "Q", "g", "/", "=", "-", "é"]
        var texts = [""]
        var checked = 0
        for _ in 1...6 {
            texts = texts.flatMap { prefix in characters.map { prefix + String($0) } }
            for text in texts {
                let decodes = text.utf8.count % 4 == 0 && Base64.decode(text) != nil
                XCTAssertEqual(PaddedBase64.isValid(text), decodes, "\(text)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100_000)
    }

    func testKnownValues() {
        XCTAssertTrue(PaddedBase64.isValid(""))
        XCTAssertTrue(PaddedBase64.isValid("AA=="))
        XCTAssertTrue(PaddedBase64.isValid("aGVsbG8="))
        XCTAssertFalse(PaddedBase64.isValid("AB=="))
        XCTAssertFalse(PaddedBase64.isValid("aGVsbG8"))
        XCTAssertFalse(PaddedBase64.isValid("A==="))
    }
}
