import TributaryWire
import XCTest

final class SigV4EncodingTests: XCTestCase {
    func testOnlyUnreservedCharactersStayBare() {
        XCTAssertEqual(SigV4Encoding.percentEncode("AZaz09-._~"), "AZaz09-._~")
        XCTAssertEqual(SigV4Encoding.percentEncode(" !\"#$%&'()*+,/:;=?@[]"),
                       "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D")
        XCTAssertEqual(SigV4Encoding.percentEncode("é😀"), "%C3%A9%F0%9F%98%80")
    }

    func testPathEncodingKeepsSlashesAndEmptySegments() {
        XCTAssertEqual(SigV4Encoding.percentEncodePath("a//b c/"), "a//b%20c/")
        XCTAssertEqual(SigV4Encoding.percentEncodePath("year=2024/k:v"), "year%3D2024/k%3Av")
    }

    func testDecodingInvertsEncodingAndLeavesPlusAlone() {
        for text in ["a b/é+plus", "✓ !'()*", "", "%"] {
            XCTAssertEqual(SigV4Encoding.percentDecode(SigV4Encoding.percentEncode(text)), text)
        }
        XCTAssertEqual(SigV4Encoding.percentDecode("a+b%2b%2B"), "a+b++")
    }

    func testMalformedEscapesAndInvalidUTF8AreRefused() {
        for text in ["%", "%4", "%G0", "abc%zz", "%C3", "%FF%FE"] {
            XCTAssertNil(SigV4Encoding.percentDecode(text), text)
        }
    }

    func testReceivedQueryIsReencodedToTheCanonicalForm() {
        XCTAssertEqual(SigV4Canonicalization.canonicalQuery(encodedQuery: "prefix=a%2fb!&uploads&x=%7E+"),
                       "prefix=a%2Fb%21&uploads=&x=~%2B")
        XCTAssertEqual(SigV4Canonicalization.canonicalQuery(encodedQuery: "a=%zz&&b="), "a=%zz&b=")
        XCTAssertEqual(SigV4Canonicalization.canonicalQuery(encodedQuery: ""), "")
    }

    func testQueryPairsSortByEncodedBytesNotByLetters() {
        // Upper case sorts before lower case and `%` before letters, byte by byte.
        XCTAssertEqual(SigV4Canonicalization.canonicalQuery(parameters: [
            (name: "b", value: "1"), (name: "B", value: "1"), (name: "a", value: "z"), (name: "a", value: "/"),
        ]), "B=1&a=%2F&a=z&b=1")
    }

    func testDotSegmentsAndRepeatedSlashesAreRemovedOnlyForStandardServices() {
        XCTAssertEqual(SigV4Canonicalization.canonicalURI(encodedPath: "/a/../../b/./c/", rule: .standard), "/b/c/")
        XCTAssertEqual(SigV4Canonicalization.canonicalURI(encodedPath: "/..", rule: .standard), "/")
        XCTAssertEqual(SigV4Canonicalization.canonicalURI(encodedPath: "", rule: .standard), "/")
        XCTAssertEqual(SigV4Canonicalization.canonicalURI(encodedPath: "/b/a/../c//d", rule: .s3), "/b/a/../c//d")
        XCTAssertEqual(SigV4Canonicalization.canonicalURI(encodedPath: "", rule: .s3), "/")
    }
}
