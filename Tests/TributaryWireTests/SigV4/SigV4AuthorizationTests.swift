import TributaryWire
import XCTest

final class SigV4AuthorizationTests: XCTestCase {
    private let botocoreHeader = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
        + "Signature=49b44367d38a8bdf68e3a43d3a55e70f84ab50d27097861b82440cea6d907a5e"

    func testBotocoreHeaderParsesIntoItsParts() throws {
        let authorization = try XCTUnwrap(SigV4Authorization(parsing: botocoreHeader))
        XCTAssertEqual(authorization, SigV4Authorization(
            accessKeyId: "AKIDEXAMPLE", dateStamp: "20150830", region: "us-east-1", service: "s3",
            signedHeaderNames: ["host", "x-amz-content-sha256", "x-amz-date"],
            signature: "49b44367d38a8bdf68e3a43d3a55e70f84ab50d27097861b82440cea6d907a5e"))
        XCTAssertEqual(authorization.credentialScope, "20150830/us-east-1/s3/aws4_request")
    }

    func testFormattingReproducesBotocoreSpellingExactly() throws {
        XCTAssertEqual(try XCTUnwrap(SigV4Authorization(parsing: botocoreHeader)).headerValue, botocoreHeader)
    }

    func testSpacingVariantsStillParse() {
        let compact = "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request,SignedHeaders=host,Signature=ab"
        XCTAssertEqual(SigV4Authorization(parsing: compact)?.signedHeaderNames, ["host"])
    }

    func testMalformedHeadersAreRefused() {
        let valid = "Credential=K/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab"
        let refused = [
            "", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1 " + valid, "Bearer " + valid,
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=host",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s, SignedHeaders=host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=K/2015083/r/s/aws4_request, SignedHeaders=host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=host;;a, Signature=ab",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders=host, Signature=",
            "AWS4-HMAC-SHA256 " + valid + ", Signature=cd",
            "AWS4-HMAC-SHA256 " + valid + ", junk",
            "AWS4-HMAC-SHA256 Credential=K/20150830/r/s/aws4_request, SignedHeaders="
                + Array(repeating: "h", count: SigV4Limits.signedHeaderCountMax + 1).joined(separator: ";")
                + ", Signature=ab",
            "AWS4-HMAC-SHA256 " + valid + String(repeating: " ", count: SigV4Limits.authorizationBytesMax),
        ]
        for header in refused {
            XCTAssertNil(SigV4Authorization(parsing: header), String(header.prefix(120)))
        }
    }
}
