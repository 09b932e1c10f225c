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

final class Base64EdgeTests: XCTestCase {
    func testUnpaddedRFC4648VectorsDecode() {
        for (plain, encoded) in [("f", "Zg"), ("fo", "Zm8"), ("fooba", "Zm9vYmE")] {
            XCTAssertEqual(Base64.decode(encoded), Array(plain.utf8))
        }
    }

    func testPaddingAndAlphabetMistakesAreRefused() {
        for text in ["Zm9v====", "Zg===", "====", "Zm 9v", "Zm9v\n", "Zm9-", "Zm9_", "Zm8==", "=Zm8", "é"] {
            XCTAssertNil(Base64.decode(text), "should refuse \(text.debugDescription)")
        }
    }

    func testEveryLengthRoundTripsThroughBothForms() {
        for length in 0 ..< 40 {
            let bytes = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 200) }
            let encoded = Base64.encodeBytes(bytes)
            XCTAssertEqual(encoded.count, Base64.encodedCount(of: length))
            XCTAssertEqual(String(decoding: encoded, as: UTF8.self), Base64.encode(bytes))
            XCTAssertEqual(encoded.withUnsafeBytes { Base64.decode($0) }, bytes)
            let unpadded = Array(encoded.prefix { $0 != UInt8(ascii: "=") })
            XCTAssertEqual(unpadded.withUnsafeBytes { Base64.decode($0) }, bytes)
        }
    }

    func testEncodingAppendsToExistingOutput() {
        var output = Array("prefix:".utf8)
        Base64.encode(Array("foobar".utf8), into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "prefix:Zm9vYmFy")
    }
}
