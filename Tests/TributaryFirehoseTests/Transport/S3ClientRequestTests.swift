import Foundation
@testable import TributaryFirehose
import XCTest

/// How the S3 client addresses objects, without sending anything.
final class S3ClientRequestTests: XCTestCase {
    private func client(_ endpoint: String) throws -> S3Client {
        S3Client(endpoint: try XCTUnwrap(URL(string: endpoint)), region: "us-east-1",
                 credentials: S3Credentials(accessKeyId: "a", secretAccessKey: "s"),
                 transport: HTTPTransport(timeoutSeconds: 5))
    }

    func testPathStyleURLsKeepKeySlashesAndEncodeEverythingElse() throws {
        let s3 = try client("http://localhost:4566/")
        XCTAssertEqual(try s3.url(bucket: "logs", key: "2024/01/02/03/stream-1-2024-01-02-03-04-05-uuid", query: [])
            .absoluteString, "http://localhost:4566/logs/2024/01/02/03/stream-1-2024-01-02-03-04-05-uuid")
        XCTAssertEqual(try s3.url(bucket: "logs", key: "customer_id=7/a b+c", query: []).absoluteString,
                       "http://localhost:4566/logs/customer_id%3D7/a%20b%2Bc")
        XCTAssertEqual(try s3.url(bucket: "logs", key: "k", query: [(name: "uploadId", value: "a+b/c"),
                                                                   (name: "partNumber", value: "3")]).absoluteString,
                       "http://localhost:4566/logs/k?partNumber=3&uploadId=a%2Bb%2Fc")
        XCTAssertEqual(try s3.url(bucket: "logs", key: nil, query: [(name: "uploads", value: "")]).absoluteString,
                       "http://localhost:4566/logs?uploads=")
    }

    func testEndpointPathPrefixIsKept() throws {
        XCTAssertEqual(try client("https://gateway.example/s3").url(bucket: "b1", key: "k", query: []).absoluteString,
                       "https://gateway.example/s3/b1/k")
    }

    func testEmptyBucketOrKeyIsRefusedBeforeSending() async throws {
        let s3 = try client("http://127.0.0.1:1")
        XCTAssertThrowsError(try s3.url(bucket: "", key: "k", query: [])) { error in
            XCTAssertEqual((error as? S3Error)?.code, "InvalidBucketName")
        }
        do {
            try await s3.putObject(bucket: "b", key: "", body: [1], contentType: nil)
            XCTFail("an empty key must be refused")
        } catch let error as S3Error {
            XCTAssertEqual(error.status, 0)
            XCTAssertEqual(error.code, "InvalidArgument")
        }
    }

    func testListedKeysAreDecodedFromS3URLEncoding() {
        XCTAssertEqual(S3Client.urlDecoded("a+b%2Bc%2Fd%C3%A9"), "a b+c/dé")
        XCTAssertNil(S3Client.urlDecoded("bad%2"))
    }

    func testXMLEscapingCoversETagQuotes() {
        XCTAssertEqual(S3Client.xmlEscaped("\"abc\"&<'>"), "&quot;abc&quot;&amp;&lt;&apos;&gt;")
    }
}
