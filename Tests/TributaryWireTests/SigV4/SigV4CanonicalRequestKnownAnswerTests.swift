import TributaryWire
import XCTest

/// Canonical requests and strings to sign built from a request's parts equal what botocore 1.43 computed for the
/// same requests (`SigV4Auth` / `S3SigV4Auth`, credentials AKIDEXAMPLE, time 2015-08-30T12:36:00Z).
final class SigV4CanonicalRequestKnownAnswerTests: XCTestCase {
    private let amzDate = "20150830T123600Z"

    func testS3ListingWithQueryValuesThatNeedEncodingMatchesBotocore() {
        let query = SigV4Canonicalization.canonicalQuery(parameters: [
            (name: "list-type", value: "2"), (name: "prefix", value: "logs/2024 01/ü+x"),
            (name: "continuation-token", value: "1/abC=="),
        ])
        XCTAssertEqual(query, "continuation-token=1%2FabC%3D%3D&list-type=2&prefix=logs%2F2024%2001%2F%C3%BC%2Bx")
        let headers = SigV4CanonicalHeaders([
            (name: "X-Amz-Date", value: amzDate), (name: "X-Amz-Content-SHA256", value: SigV4.emptyPayloadHash),
            (name: "host", value: "127.0.0.1:9000"),
        ])
        let canonical = SigV4Canonicalization.canonicalRequest(
            method: "GET", canonicalURI: SigV4Canonicalization.canonicalURI(encodedPath: "/my-bucket", rule: .s3),
            canonicalQuery: query, headers: headers, payloadHash: SigV4.emptyPayloadHash)
        XCTAssertEqual(canonical, """
            GET
            /my-bucket
            continuation-token=1%2FabC%3D%3D&list-type=2&prefix=logs%2F2024%2001%2F%C3%BC%2Bx
            host:127.0.0.1:9000
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20150830T123600Z

            host;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        let scope = SigV4Canonicalization.credentialScope(dateStamp: "20150830", region: "us-east-1", service: "s3")
        XCTAssertEqual(
            SigV4Canonicalization.stringToSign(
                amzDate: amzDate, credentialScope: scope,
                canonicalRequestHash: "0b36cf5aa794d90a0c407a755f87f0d149bcf5095dcc3e3735e8cdde5fe5ceb0"),
            """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/s3/aws4_request
            0b36cf5aa794d90a0c407a755f87f0d149bcf5095dcc3e3735e8cdde5fe5ceb0
            """)
    }

    func testS3KeyWithSpacesUnicodeAndPlusMatchesBotocore() {
        let path = SigV4Encoding.percentEncodePath("/my-bucket/a b/été+plus/✓ !'()*.txt")
        XCTAssertEqual(path, "/my-bucket/a%20b/%C3%A9t%C3%A9%2Bplus/%E2%9C%93%20%21%27%28%29%2A.txt")
        let payloadHash = "853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020"
        let headers = SigV4CanonicalHeaders([
            (name: "Content-Type", value: "application/octet-stream"), (name: "X-Amz-Date", value: amzDate),
            (name: "X-Amz-Content-SHA256", value: payloadHash), (name: "host", value: "s3.eu-west-1.amazonaws.com"),
        ])
        let canonical = SigV4Canonicalization.canonicalRequest(
            method: "put", canonicalURI: SigV4Canonicalization.canonicalURI(encodedPath: path, rule: .s3),
            canonicalQuery: "", headers: headers, payloadHash: payloadHash)
        XCTAssertEqual(canonical, """
            PUT
            /my-bucket/a%20b/%C3%A9t%C3%A9%2Bplus/%E2%9C%93%20%21%27%28%29%2A.txt

            content-type:application/octet-stream
            host:s3.eu-west-1.amazonaws.com
            x-amz-content-sha256:853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-content-sha256;x-amz-date
            853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020
            """)
    }

    func testStandardServicePathIsNormalizedAndEncodedTwiceAsBotocoreDoes() {
        let uri = SigV4Canonicalization.canonicalURI(encodedPath: "/a/./b/../c%20d//e", rule: .standard)
        XCTAssertEqual(uri, "/a/c%2520d/e")
        let query = SigV4Canonicalization.canonicalQuery(encodedQuery: "b=2&a=z&a=%2F")
        XCTAssertEqual(query, "a=%2F&a=z&b=2")
        let headers = SigV4CanonicalHeaders([(name: "X-Amz-Date", value: amzDate),
                                             (name: "Host", value: "example.amazonaws.com")])
        XCTAssertEqual(
            SigV4Canonicalization.canonicalRequest(method: "GET", canonicalURI: uri, canonicalQuery: query,
                                                   headers: headers, payloadHash: SigV4.emptyPayloadHash),
            "GET\n/a/c%2520d/e\na=%2F&a=z&b=2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testHeaderValuesAreTrimmedCollapsedAndRepeatedNamesJoined() {
        let headers = SigV4CanonicalHeaders([
            (name: "X-Amz-Meta-Spaces", value: "  a   b \t c  "), (name: "X-Amz-Target", value: "Kinesis_20131202.ListStreams"),
            (name: "x-amz-meta-list", value: "one"), (name: "X-AMZ-META-LIST", value: " two\r\n three "),
        ])
        XCTAssertEqual(headers.text, "x-amz-meta-list:one,two three\nx-amz-meta-spaces:a b c\n"
                           + "x-amz-target:Kinesis_20131202.ListStreams\n")
        XCTAssertEqual(headers.signedHeaders, "x-amz-meta-list;x-amz-meta-spaces;x-amz-target")
        XCTAssertEqual(headers.names, ["x-amz-meta-list", "x-amz-meta-spaces", "x-amz-target"])
    }

    func testVerifierSelectsOnlyTheHeadersTheClientSigned() {
        let headers = SigV4CanonicalHeaders(
            [(name: "Host", value: "h"), (name: "User-Agent", value: "ua"), (name: "X-Amz-Date", value: amzDate)],
            onlyNames: ["host", "x-amz-date"])
        XCTAssertEqual(headers.signedHeaders, "host;x-amz-date")
    }
}
