import TributaryAuth
import TributaryWire
import XCTest

/// Requests signed by botocore verify, and with a wrong secret the verifier's expected canonical request and string
/// to sign are exactly botocore's: proof that both sides build the same texts for every shape of request.
final class SigV4VerifierKnownAnswerTests: XCTestCase {
    func testJSONPostToKinesisVerifies() throws {
        try assertVerifies(SigV4KnownAnswers.kinesisPutRecord, service: "kinesis")
    }

    func testRESTJSONPostToKinesisVideoVerifies() throws {
        try assertVerifies(SigV4KnownAnswers.videoDescribeStream, service: "kinesisvideo")
    }

    func testGetWithSessionTokenQueryVerifies() throws {
        try assertVerifies(SigV4KnownAnswers.hlsPlaylistGet, service: "kinesisvideo")
    }

    func testPresignedGetVerifiesWithoutAnAuthorizationHeader() throws {
        try assertVerifies(SigV4KnownAnswers.presignedHLSPlaylist, service: "kinesisvideo")
    }

    func testRepeatedHeadersAndOddSpacingVerify() throws {
        try assertVerifies(SigV4KnownAnswers.repeatedAndSpacedHeaders, service: "kinesis")
    }

    func testUnsignedPayloadDeclarationIsSignedLiterally() throws {
        try assertVerifies(SigV4KnownAnswers.unsignedPayloadPut, service: "kinesisvideo")
    }

    func testHTTPDateHeaderStandsInForXAmzDate() throws {
        try assertVerifies(SigV4KnownAnswers.dateHeaderListStreams, service: "kinesis")
    }

    func testStreamedPutMediaVerifiesOverTheEmptyPayloadHash() throws {
        let answer = SigV4KnownAnswers.putMediaStreamed
        var request = answer.request
        request.payload = .streamed
        let caller = try SigV4KnownAnswer.verifier().verify(request, service: "kinesisvideo",
                                                            now: SigV4KnownAnswer.signingTime())
        XCTAssertEqual(caller.accessKeyId, SigV4KnownAnswers.accessKeyId)
    }

    func testVerifiedCallerCarriesTheCredentialsAccountAndPolicies() throws {
        let caller = try SigV4KnownAnswer.verifier().verify(
            SigV4KnownAnswers.kinesisPutRecord.request, service: "kinesis", now: SigV4KnownAnswer.signingTime())
        XCTAssertEqual(caller, AuthenticatedCaller(accessKeyId: "AKIDEXAMPLE", accountId: "123456789012",
                                                   policies: [.object(["Version": .string("2012-10-17")])]))
    }

    func testAnyRegionIsAcceptedWhenTheServerNamesNone() throws {
        let verifier = try SigV4KnownAnswer.verifier(region: nil)
        XCTAssertNoThrow(try verifier.verify(SigV4KnownAnswers.kinesisPutRecord.request, service: "kinesis",
                                             now: SigV4KnownAnswer.signingTime()))
    }

    private func assertVerifies(_ answer: SigV4KnownAnswer, service: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let now = SigV4KnownAnswer.signingTime(plus: 42)
        let caller = try SigV4KnownAnswer.verifier().verify(answer.request, service: service, now: now)
        XCTAssertEqual(caller.accessKeyId, SigV4KnownAnswers.accessKeyId, file: file, line: line)
        let wrongSecret = try SigV4KnownAnswer.verifier(secret: "not-the-secret")
        XCTAssertThrowsError(try wrongSecret.verify(answer.request, service: service, now: now),
                             file: file, line: line) { error in
            XCTAssertEqual(error as? AuthenticationError,
                           .signatureMismatch(canonicalRequest: answer.canonicalRequest,
                                              stringToSign: answer.stringToSign),
                           file: file, line: line)
        }
    }
}
