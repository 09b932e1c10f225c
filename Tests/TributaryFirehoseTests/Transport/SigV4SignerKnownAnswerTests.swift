import Crypto
import Foundation
@testable import TributaryFirehose
import TributaryAuth
import TributaryWire
import XCTest

/// Full signatures equal botocore 1.43's for the same requests (`S3SigV4Auth` / `SigV4Auth`, credentials
/// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, time 2015-08-30T12:36:00Z). The expected texts were
/// printed by botocore: `botocore.auth.get_current_datetime` patched to that time, `auth.add_auth(AWSRequest(...))`
/// on each URL below, then `auth.canonical_request`, `auth.string_to_sign` and the `Authorization` header read back
/// (the unsigned-payload case sets `Config(s3={"payload_signing_enabled": False})` as the request's client_config).
final class SigV4SignerKnownAnswerTests: XCTestCase {
    private let timestamp = SigV4Timestamp(secondsSinceEpoch: 1_440_938_160)
    private let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    private func signer(region: String, service: String, rule: SigV4URIRule, token: String? = nil) -> SigV4Signer {
        SigV4Signer(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token, region: region,
                    service: service, uriRule: rule)
    }

    func testSigningKeyMatchesAWSDocumentationExample() {
        let key = SigV4Cryptography.signingKey(secretAccessKey: secret, dateStamp: "20120215", region: "us-east-1",
                                               service: "iam")
        XCTAssertEqual(key.withUnsafeBytes { Array($0) }.map { String(format: "%02x", $0) }.joined(),
                       "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    func testS3GetWithEncodedQueryOnNonDefaultPort() throws {
        let client = S3Client(endpoint: try XCTUnwrap(URL(string: "http://127.0.0.1:9000")), region: "us-east-1",
                              credentials: S3Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret),
                              transport: HTTPTransport(timeoutSeconds: 5))
        let url = try client.url(bucket: "my-bucket", key: nil, query: [
            (name: "list-type", value: "2"), (name: "prefix", value: "logs/2024 01/ü+x"),
            (name: "continuation-token", value: "1/abC=="),
        ])
        let signed = try signer(region: "us-east-1", service: "s3", rule: .s3).sign(
            method: "GET", url: url, headers: [("X-Amz-Content-SHA256", SigV4.emptyPayloadHash)],
            payloadHash: SigV4.emptyPayloadHash, at: timestamp)
        XCTAssertEqual(signed.stringToSign, """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/s3/aws4_request
            0b36cf5aa794d90a0c407a755f87f0d149bcf5095dcc3e3735e8cdde5fe5ceb0
            """)
        XCTAssertEqual(signed.signature, "49b44367d38a8bdf68e3a43d3a55e70f84ab50d27097861b82440cea6d907a5e")
        XCTAssertEqual(header("Authorization", in: signed), "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/"
            + "us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
            + "Signature=49b44367d38a8bdf68e3a43d3a55e70f84ab50d27097861b82440cea6d907a5e")
        XCTAssertEqual(header("host", in: signed), "127.0.0.1:9000")
        XCTAssertEqual(header("x-amz-date", in: signed), "20150830T123600Z")
    }

    func testS3PutOfKeyWithSpacesUnicodeAndPlus() throws {
        let client = S3Client(endpoint: try XCTUnwrap(URL(string: "https://s3.eu-west-1.amazonaws.com/")),
                              region: "eu-west-1",
                              credentials: S3Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret),
                              transport: HTTPTransport(timeoutSeconds: 5))
        let url = try client.url(bucket: "my-bucket", key: "a b/été+plus/✓ !'()*.txt", query: [])
        XCTAssertEqual(url.absoluteString, "https://s3.eu-west-1.amazonaws.com/my-bucket/"
            + "a%20b/%C3%A9t%C3%A9%2Bplus/%E2%9C%93%20%21%27%28%29%2A.txt")
        let body = Array("hello, world\n".utf8)
        let payloadHash = SigV4Cryptography.sha256Hex(body)
        XCTAssertEqual(payloadHash, "853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020")
        let signed = try signer(region: "eu-west-1", service: "s3", rule: .s3).sign(
            method: "PUT", url: url,
            headers: [("Content-Type", "application/octet-stream"), ("X-Amz-Content-SHA256", payloadHash)],
            payloadHash: payloadHash, at: timestamp)
        XCTAssertEqual(signed.canonicalRequest, """
            PUT
            /my-bucket/a%20b/%C3%A9t%C3%A9%2Bplus/%E2%9C%93%20%21%27%28%29%2A.txt

            content-type:application/octet-stream
            host:s3.eu-west-1.amazonaws.com
            x-amz-content-sha256:853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-content-sha256;x-amz-date
            853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020
            """)
        XCTAssertEqual(signed.stringToSign.split(separator: "\n").last,
                       "d5691e9a48b500b48f96d580246eeca6660504e0acde5e8e8d388b69d0d3d91f")
        XCTAssertEqual(signed.signature, "57a22173770b6865b28f3269169b11debfad62abeaeeb82ae2a2b1caeaf3f05c")
    }

    func testS3EmptyPayloadWithSessionToken() throws {
        let url = try XCTUnwrap(URL(string: "https://s3.us-west-2.amazonaws.com/b/k?uploadId=VXBsb2Fk~ID.x_y-z"))
        let signed = try signer(region: "us-west-2", service: "s3", rule: .s3,
                                token: "FQoGZXIvYXdzEBYaD token  with   spaces").sign(
            method: "DELETE", url: url, headers: [("X-Amz-Content-SHA256", SigV4.emptyPayloadHash)],
            payloadHash: SigV4.emptyPayloadHash, at: timestamp)
        XCTAssertTrue(signed.canonicalRequest.contains("\nx-amz-security-token:FQoGZXIvYXdzEBYaD token with spaces\n"))
        XCTAssertEqual(signed.stringToSign.split(separator: "\n").last,
                       "d7c926b086408f19808c5c7445b1da6e2112bdd4ce6d911f2beca6ba461eb488")
        XCTAssertEqual(signed.signature, "882cc68b020430d14df8fe4e5527c121998adb5176ca56d53f07b843fb80140c")
        XCTAssertEqual(header("x-amz-security-token", in: signed), "FQoGZXIvYXdzEBYaD token  with   spaces")
    }

    func testS3UnsignedPayload() throws {
        let url = try XCTUnwrap(URL(string: "https://s3.amazonaws.com/bucket/key?partNumber=2&uploadId=abc"))
        let signed = try signer(region: "us-east-1", service: "s3", rule: .s3).sign(
            method: "PUT", url: url, headers: [("X-Amz-Content-SHA256", SigV4.unsignedPayload)],
            payloadHash: SigV4.unsignedPayload, at: timestamp)
        XCTAssertTrue(signed.canonicalRequest.hasSuffix("\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"))
        XCTAssertEqual(signed.stringToSign.split(separator: "\n").last,
                       "edb9ab313b647e0fe2de817817e30f9546e2a85aedc320fbbd42faff06acde9c")
        XCTAssertEqual(signed.signature, "c7e101de6eb350bdd214d52b7f9133e0bed424b15e7d9570cae56b6c7cfb4e6d")
    }

    func testKinesisJSONPostSkipsUnsignableHeaders() throws {
        let url = try XCTUnwrap(URL(string: "https://kinesis.us-east-1.amazonaws.com/"))
        let body = Array("{}".utf8)
        let signed = try signer(region: "us-east-1", service: "kinesis", rule: .standard).sign(
            method: "POST", url: url,
            headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Kinesis_20131202.ListStreams"),
                      ("X-Amz-Meta-Spaces", "  a   b \t c  "), ("User-Agent", "tributary"), ("Expect", "100-continue")],
            payloadHash: SigV4Cryptography.sha256Hex(body), at: timestamp)
        XCTAssertEqual(signed.stringToSign.split(separator: "\n").last,
                       "bce10bb14cf1699d97e764c12a194f7a17b452e33779ca84b87c043d5693a071")
        XCTAssertEqual(signed.signature, "50c8371b6af15bfee788f0e142bb3e9028cb60dad8cfd7bbf98ae9572f4c9655")
        XCTAssertEqual(header("User-Agent", in: signed), "tributary", "unsigned headers are still sent")
    }

    func testStandardServicePathNormalizedAndDoubleEncoded() throws {
        let url = try XCTUnwrap(URL(string: "https://example.amazonaws.com/a/./b/../c%20d//e?b=2&a=z&a=%2F"))
        let signed = try signer(region: "us-east-1", service: "execute-api", rule: .standard).sign(
            method: "GET", url: url, headers: [], payloadHash: SigV4.emptyPayloadHash, at: timestamp)
        XCTAssertEqual(signed.stringToSign.split(separator: "\n").last,
                       "8599ece0b00e18b421b0744ad4286aa97ea8202ec5b65ff600c1cabb1f46ee4c")
        XCTAssertEqual(signed.signature, "a072ba5f6b0f7c841297d6e445b8d8ab474b1fc4498fa1c717f0c743f2e2ea11")
    }

    func testAnotherSecretGivesAnotherSignature() throws {
        let url = try XCTUnwrap(URL(string: "https://s3.amazonaws.com/bucket/key?partNumber=2&uploadId=abc"))
        let other = SigV4Signer(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret + "x", region: "us-east-1",
                                service: "s3", uriRule: .s3)
        let signed = try other.sign(method: "PUT", url: url, headers: [("X-Amz-Content-SHA256", SigV4.unsignedPayload)],
                                    payloadHash: SigV4.unsignedPayload, at: timestamp)
        XCTAssertNotEqual(signed.signature, "c7e101de6eb350bdd214d52b7f9133e0bed424b15e7d9570cae56b6c7cfb4e6d")
    }

    private func header(_ name: String, in signed: SigV4SignedRequest) -> String? {
        signed.headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
