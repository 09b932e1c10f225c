import TributaryWire
import XCTest

final class Base64Tests: XCTestCase {
    // RFC 4648 section 10 test vectors.
    let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                   ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]

    func testRFC4648Vectors() {
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base64.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base64.decode(encoded), Array(plain.utf8))
        }
    }

    func testUnpaddedInputDecodes() {
        XCTAssertEqual(Base64.decode("Zm9vYg"), Array("foob".utf8))
    }

    func testInvalidInputIsRefused() {
        for text in ["Z", "Zm9v!", "Zg=", "Zm=9", "Zh==", "Zm9=v"] {
            XCTAssertNil(Base64.decode(text), "should refuse \(text)")
        }
    }

    func testAllByteValuesRoundTrip() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
    }
}
