import Foundation
@testable import TributaryFirehose
import TributaryWire
import XCTest

/// The S3 client against moto's S3 server, a real S3-compatible endpoint.
final class S3ClientMotoTests: XCTestCase {
    private let bucket = "tributary-deliveries"

    private func client(_ server: MotoServer, _ credentials: S3Credentials) -> S3Client {
        S3Client(endpoint: server.endpoint, region: "us-east-1", credentials: credentials,
                 transport: HTTPTransport(timeoutSeconds: 60, responseBodyBytesMax: 32 << 20))
    }

    func testObjectsRoundTripWithSignaturesCheckedAndAWrongSecretIsRefused() async throws {
        let (server, credentials) = try await MotoServer.withSignatureChecks()
        defer { server.stop() }
        let s3 = client(server, credentials)
        try await s3.createBucket(bucket)

        let small = Array("{\"ticker\":\"AMZN\",\"price\":1}\n".utf8)
        try await s3.putObject(bucket: bucket, key: "2024/01/02/03/small", body: small, contentType: "application/json")
        let large = Self.randomBytes(count: 20 << 20)
        try await s3.putObject(bucket: bucket, key: "2024/01/02/03/large", body: large, contentType: nil)

        let smallBack = try await s3.getObject(bucket: bucket, key: "2024/01/02/03/small")
        XCTAssertEqual(smallBack, small)
        let largeBack = try await s3.getObject(bucket: bucket, key: "2024/01/02/03/large")
        XCTAssertTrue(largeBack == large, "the 20 MiB object must come back byte for byte")
        let head = try await s3.send("HEAD", bucket: bucket, key: "2024/01/02/03/large")
        XCTAssertEqual(head.headers["etag"].map { $0.hasSuffix("-3\"") }, true,
                       "20 MiB in 8 MiB parts is a three-part upload; ETag \(head.headers["etag"] ?? "none")")
        XCTAssertEqual(head.headers["content-type"], "binary/octet-stream")

        // A prefix without reserved characters: moto checks signatures against the decoded query (see below).
        let keys = try await s3.listObjectKeys(bucket: bucket, prefix: "2024")
        XCTAssertEqual(keys, ["2024/01/02/03/large", "2024/01/02/03/small"])

        let wrong = client(server, S3Credentials(accessKeyId: credentials.accessKeyId, secretAccessKey: "wrong-secret"))
        do {
            try await wrong.putObject(bucket: bucket, key: "2024/forged", body: [1, 2, 3], contentType: nil)
            XCTFail("moto must refuse a request signed with the wrong secret")
        } catch let error as S3Error {
            XCTAssertEqual(error.code, "SignatureDoesNotMatch")
            XCTAssertEqual(error.status, 403)
        }
        do {
            _ = try await wrong.getObject(bucket: bucket, key: "2024/01/02/03/small")
            XCTFail("moto must refuse a request signed with the wrong secret")
        } catch let error as S3Error {
            XCTAssertEqual(error.code, "SignatureDoesNotMatch")
        }
        let keysAfter = try await s3.listObjectKeys(bucket: bucket, prefix: "")
        XCTAssertEqual(keysAfter, ["2024/01/02/03/large", "2024/01/02/03/small"])
    }

    func testStandardServiceSigningIsAcceptedByMotoAndAWrongSecretIsNot() async throws {
        let (server, credentials) = try await MotoServer.withSignatureChecks()
        defer { server.stop() }
        func signer(_ secret: String) -> SigV4Signer {
            SigV4Signer(accessKeyId: credentials.accessKeyId, secretAccessKey: secret, region: "us-east-1",
                        service: "iam", uriRule: .standard)
        }
        let listed = try await server.iam("ListUsers", [:], signer: signer(credentials.secretAccessKey))
        XCTAssertEqual(listed.status, 200, String(decoding: listed.body, as: UTF8.self))
        let refused = try await server.iam("ListUsers", [:], signer: signer("wrong-secret"))
        XCTAssertEqual(refused.status, 403)
        XCTAssertTrue(String(decoding: refused.body, as: UTF8.self).contains("SignatureDoesNotMatch"))
    }

    func testMissingBucketIsAnS3ErrorAndListingFollowsContinuationTokens() async throws {
        let (server, credentials) = try await MotoServer.withSignatureChecks()
        defer { server.stop() }
        let s3 = client(server, credentials)
        do {
            try await s3.putObject(bucket: "no-such-bucket", key: "k", body: [1], contentType: nil)
            XCTFail("a missing bucket must fail")
        } catch let error as S3Error {
            XCTAssertEqual(error.code, "NoSuchBucket")
            XCTAssertEqual(error.status, 404)
        }
        try await s3.createBucket(bucket)
        let names = (0..<7).map { "p/object-\($0)" } + ["q/other"]
        for name in names {
            try await s3.putObject(bucket: bucket, key: name, body: Array(name.utf8), contentType: "text/plain")
        }
        let keys = try await s3.listObjectKeys(bucket: bucket, prefix: "p", pageKeysMax: 2)
        XCTAssertEqual(keys, Array(names.prefix(7)))
    }

    func testMultipartUploadCancelledMidwayIsAborted() async throws {
        let (server, credentials) = try await MotoServer.withSignatureChecks()
        defer { server.stop() }
        let s3 = client(server, credentials)
        try await s3.createBucket(bucket)
        let body = Self.randomBytes(count: 40 << 20)
        let bucket = bucket
        let upload = Task { try await s3.putObject(bucket: bucket, key: "big", body: body, contentType: nil) }
        let deadline = Date().addingTimeInterval(30)
        while !server.process.output().contains("partNumber=1&"), Date() < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        upload.cancel()
        do {
            try await upload.value
            XCTFail("the upload finished before it was cancelled; nothing was aborted")
        } catch {
            XCTAssertTrue(error is CancellationError || error as? TransportError == .cancelled, "\(error)")
        }
        XCTAssertTrue(server.process.output().contains("DELETE /\(bucket)/big?uploadId="), "no abort was sent")
        let pending = try await s3.send("GET", bucket: bucket, key: nil, query: [(name: "uploads", value: "")])
        let document = try XCTUnwrap(S3XMLDocument(parsing: pending.body))
        XCTAssertEqual(document.rootName, "ListMultipartUploadsResult")
        XCTAssertEqual(document.texts(at: ["Upload", "UploadId"]), [], "the cancelled upload must be aborted")
        let keys = try await s3.listObjectKeys(bucket: bucket, prefix: "")
        XCTAssertEqual(keys, [])
    }

    /// moto verifies signatures against the decoded path and query, so it rejects any correctly signed request whose
    /// key or query value has reserved characters (boto3's requests too); these are checked with its check off.
    func testKeysWithSpacesUnicodePlusAndEqualsRoundTrip() async throws {
        let server = try MotoServer.withoutSignatureChecks()
        defer { server.stop() }
        let s3 = client(server, S3Credentials(accessKeyId: "AKIAANY", secretAccessKey: "any"))
        try await s3.createBucket(bucket)
        let keys = ["a b/été+plus/✓ !'()*.txt", "customer_id=7/year=2024/x:y;z,w", "p/%41 literal", "tilde~/under_score"]
        for key in keys {
            try await s3.putObject(bucket: bucket, key: key, body: Array(key.utf8), contentType: nil)
        }
        for key in keys {
            let body = try await s3.getObject(bucket: bucket, key: key)
            XCTAssertEqual(String(decoding: body, as: UTF8.self), key)
        }
        let listed = try await s3.listObjectKeys(bucket: bucket, prefix: "", pageKeysMax: 1)
        XCTAssertEqual(Set(listed), Set(keys))
        XCTAssertEqual(listed.count, keys.count)
        let underPrefix = try await s3.listObjectKeys(bucket: bucket, prefix: "customer_id=7/year=")
        XCTAssertEqual(underPrefix, ["customer_id=7/year=2024/x:y;z,w"])
    }

    /// Random bytes, eight per generator call (byte-at-a-time is slow in debug builds).
    static func randomBytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < count {
                var word = generator.next()
                let length = min(8, count - offset)
                withUnsafeBytes(of: &word) { buffer.baseAddress!.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: length) }
                offset += length
            }
        }
        return bytes
    }
}
