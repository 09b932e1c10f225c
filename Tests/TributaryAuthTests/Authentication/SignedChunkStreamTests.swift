import TributaryAuth
import TributaryWire
import XCTest

/// Chunk-signed bodies: the seed signature verifies over the `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` literal, every
/// chunk signature botocore computed (AWS's own example among them) checks out whatever pieces the body arrives in,
/// and a changed, reordered, missing or oversized chunk or broken framing stops the body at that chunk with nothing
/// after it handed on.
final class SignedChunkStreamTests: XCTestCase {
    private let example = SignedChunkKnownAnswers.documentationExample
    private let putMedia = SignedChunkKnownAnswers.putMedia

    func testAWSDocumentationExampleVerifiesChunkByChunk() throws {
        var chunks = try XCTUnwrap(try example.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(example.framedBody()), example.payload)
        XCTAssertEqual(example.payload.count, 66560)
        chunks.finish()
        XCTAssertNil(chunks.failure)
        XCTAssertTrue(chunks.isComplete)
    }

    func testPutMediaVerifiesWhenTheBodyArrivesOneByteAtATime() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        var handedOn: [UInt8] = []
        for byte in putMedia.framedBody() {
            handedOn += chunks.feed([byte])
        }
        chunks.finish()
        XCTAssertEqual(handedOn, putMedia.payload)
        XCTAssertNil(chunks.failure)
        XCTAssertTrue(chunks.isComplete)
    }

    func testChunkDataIsHandedOnOnlyOnceItsWholeChunkArrived() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        let body = putMedia.framedBody()
        let firstChunkEnd = body.count - putMedia.framedBody(Array(putMedia.chunks.dropFirst())).count
        XCTAssertEqual(chunks.feed(Array(body[..<(firstChunkEnd - 1)])), [], "the CRLF after the data is missing")
        XCTAssertEqual(chunks.feed(Array(body[(firstChunkEnd - 1)..<firstChunkEnd])), putMedia.chunks[0].data)
    }

    func testAlteredChunkStopsTheBodyAtThatChunk() throws {
        var altered = putMedia.chunks
        altered[1].data[0] ^= 0x01
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(putMedia.framedBody(altered)), putMedia.chunks[0].data)
        XCTAssertEqual(chunks.failure, .signatureMismatch(chunkNumber: 2))
        XCTAssertEqual(chunks.feed(putMedia.framedBody()), [], "nothing is handed on after a failure")
        chunks.finish()
        XCTAssertEqual(chunks.failure, .signatureMismatch(chunkNumber: 2))
        XCTAssertFalse(chunks.isComplete)
    }

    func testReorderedChunksFail() throws {
        var reordered = putMedia.chunks
        reordered.swapAt(0, 1)
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(putMedia.framedBody(reordered)), [])
        XCTAssertEqual(chunks.failure, .signatureMismatch(chunkNumber: 1))
    }

    func testChunksOfAnotherRequestFail() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(example.framedBody()), [])
        XCTAssertEqual(chunks.failure, .signatureMismatch(chunkNumber: 1))
    }

    func testBodyEndingBeforeItsFinalChunkIsRefused() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        let withoutFinal = Array(putMedia.chunks.dropLast())
        XCTAssertEqual(chunks.feed(putMedia.framedBody(withoutFinal)), putMedia.payload)
        XCTAssertNil(chunks.failure, "every chunk so far is fine")
        chunks.finish()
        XCTAssertEqual(chunks.failure, .finalChunkMissing)
    }

    func testBytesAfterTheFinalChunkAreRefused() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(putMedia.framedBody() + Array("0".utf8)), putMedia.payload)
        XCTAssertEqual(chunks.failure, .dataAfterFinalChunk)
    }

    func testChunkOverTheBoundIsRefusedBeforeItsDataIsRead() throws {
        let declared = AuthenticationLimits.signedChunkBytesMax + 1
        let header = "\(String(declared, radix: 16));chunk-signature=\(putMedia.chunks[0].signature)\r\n"
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        XCTAssertEqual(chunks.feed(Array(header.utf8)), [])
        XCTAssertEqual(chunks.failure, .chunkTooLarge(declaredBytes: UInt64(declared)))
    }

    func testMalformedChunkHeadersAreRefused() throws {
        let signature = putMedia.chunks[0].signature
        let headers = [
            "1f\r\n",                                              // no signature
            "1f;chunk-signature=\(signature.dropLast())\r\n",      // 63 hex digits
            "+1f;chunk-signature=\(signature)\r\n",                // a sign before the size
            "1f;chunk-signature=\(signature)\n",                   // LF without CR
            "1f;chunk-sig=\(signature)\r\n",                       // another extension
            "1f;chunk-signature=\(signature)" + String(repeating: " ", count: 200),  // a line without end
        ]
        for header in headers {
            var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
            XCTAssertEqual(chunks.feed(Array(header.utf8)), [], header)
            XCTAssertEqual(chunks.failure, .malformedChunkHeader, header)
        }
    }

    func testDataLongerThanDeclaredIsRefused() throws {
        var chunks = try XCTUnwrap(try putMedia.verifyUpload().signedChunks)
        let first = putMedia.chunks[0]
        let framed = "\(String(first.data.count - 1, radix: 16));chunk-signature=\(first.signature)\r\n"
        XCTAssertEqual(chunks.feed(Array(framed.utf8) + first.data + Array("\r\n".utf8)), [])
        XCTAssertEqual(chunks.failure, .missingChunkDataTerminator)
    }

    func testStreamingSeedVerifiesOnlyWhereChunksAreChecked() throws {
        XCTAssertNoThrow(try putMedia.verifyUpload())
        let store = try CredentialStore(credentials: [
            Credential(accessKeyId: putMedia.accessKeyId, secretAccessKey: putMedia.secretAccessKey,
                       accountId: "123456789012", policies: []),
        ])
        let verifier = SigV4Verifier(credentials: store, region: "us-east-1")
        XCTAssertThrowsError(try verifier.verify(putMedia.streamedRequest, service: "kinesisvideo",
                                                 now: putMedia.signingTime)) { error in
            guard case .signatureMismatch(let canonicalRequest, _) = error as? AuthenticationError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(canonicalRequest.hasSuffix("\n" + SigV4.emptyPayloadHash), canonicalRequest)
        }
    }

    func testUnsignedUploadsHaveNoChunksToCheck() throws {
        let verifier = try SigV4KnownAnswer.verifier()
        for answer in [SigV4KnownAnswers.unsignedPayloadPut, SigV4KnownAnswers.putMediaStreamed] {
            var request = answer.request
            request.payload = .streamed
            let upload = try verifier.verifyUpload(request, service: "kinesisvideo",
                                                   now: SigV4KnownAnswer.signingTime())
            XCTAssertNil(upload.signedChunks)
            XCTAssertEqual(upload.caller.accessKeyId, SigV4KnownAnswers.accessKeyId)
        }
    }

    func testWrongSecretFailsTheSeedWithTheStreamingCanonicalRequest() throws {
        let store = try CredentialStore(credentials: [
            Credential(accessKeyId: putMedia.accessKeyId, secretAccessKey: "wrong", accountId: "123456789012",
                       policies: []),
        ])
        XCTAssertThrowsError(try SigV4Verifier(credentials: store, region: "us-east-1")
            .verifyUpload(putMedia.streamedRequest, service: "kinesisvideo", now: putMedia.signingTime)) { error in
            XCTAssertEqual(error as? AuthenticationError,
                           .signatureMismatch(canonicalRequest: self.putMedia.request.canonicalRequest,
                                              stringToSign: self.putMedia.request.stringToSign))
        }
    }
}
