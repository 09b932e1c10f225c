import TributaryAuth
import TributaryWire
import XCTest

/// Every way a request is refused gives AWS's error code and exact message, checked in AWS's order.
final class SigV4VerifierRefusalTests: XCTestCase {
    private let putRecord = SigV4KnownAnswers.kinesisPutRecord

    func testWrongSecretShowsTheExpectedCanonicalRequestAndStringToSign() throws {
        let error = try refusal(putRecord.request, verifier: SigV4KnownAnswer.verifier(secret: "wrong"))
        XCTAssertEqual(error.serviceError, ServiceError(code: "InvalidSignatureException", message: """
            The request signature we calculated does not match the signature you provided. Check your AWS Secret \
            Access Key and signing method. Consult the service documentation for details.

            The Canonical String for this request should have been
            '\(putRecord.canonicalRequest)'

            The String-to-Sign should have been
            '\(putRecord.stringToSign)'

            """))
    }

    func testChangedBodyFailsTheSignature() throws {
        var request = putRecord.request
        request.payload = .digest(of: Array(#"{"StreamName": "other"}"#.utf8))
        guard case .signatureMismatch = try refusal(request) else { return XCTFail("expected a signature mismatch") }
    }

    func testDeclaredHexPayloadHashIsNotTrustedOverTheBody() throws {
        let request = putRecord.request(editingHeaders: { $0.append((name: "X-Amz-Content-SHA256",
                                                                    value: SigV4.emptyPayloadHash)) })
        XCTAssertNoThrow(try SigV4KnownAnswer.verifier().verify(request, service: "kinesis",
                                                                now: SigV4KnownAnswer.signingTime()))
    }

    func testUnknownAccessKeyIsAnUnrecognizedClient() throws {
        let store = try CredentialStore(credentials: [
            Credential(accessKeyId: "AKIDOTHER", secretAccessKey: "secret", accountId: "123456789012", policies: []),
        ])
        let error = try refusal(putRecord.request, verifier: SigV4Verifier(credentials: store, region: "us-east-1"))
        XCTAssertEqual(error.serviceError, ServiceError(code: "UnrecognizedClientException",
                                                        message: "The security token included in the request is invalid."))
    }

    func testSignatureOlderThanFiveMinutesHasExpired() throws {
        let error = try refusal(putRecord.request, now: SigV4KnownAnswer.signingTime(plus: 301))
        XCTAssertEqual(error.serviceError, ServiceError(
            code: "InvalidSignatureException",
            message: "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z "
                + "(20150830T124101Z - 5 min.)"))
    }

    func testSignatureExactlyFiveMinutesOldIsStillAccepted() throws {
        XCTAssertNoThrow(try SigV4KnownAnswer.verifier().verify(putRecord.request, service: "kinesis",
                                                                now: SigV4KnownAnswer.signingTime(plus: 300)))
    }

    func testSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() throws {
        let error = try refusal(putRecord.request, now: SigV4KnownAnswer.signingTime(plus: -301))
        XCTAssertEqual(error.serviceError, ServiceError(
            code: "InvalidSignatureException",
            message: "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z "
                + "(20150830T123059Z + 5 min.)"))
    }

    func testPresignedURLPastItsExpiresIsRefused() throws {
        let presigned = SigV4KnownAnswers.presignedHLSPlaylist
        XCTAssertNoThrow(try SigV4KnownAnswer.verifier().verify(presigned.request, service: "kinesisvideo",
                                                                now: SigV4KnownAnswer.signingTime(plus: 300)))
        let error = try refusal(presigned.request, service: "kinesisvideo", now: SigV4KnownAnswer.signingTime(plus: 301))
        XCTAssertEqual(error.serviceError, ServiceError(
            code: "InvalidSignatureException",
            message: "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z "
                + "(20150830T124101Z - 5 min.)"))
    }

    func testPresignedLifetimeThatIsNotWholeMinutesIsShownInSeconds() throws {
        let request = presignedRequest(replacing: "X-Amz-Expires=300", with: "X-Amz-Expires=90")
        let error = try refusal(request, service: "kinesisvideo", now: SigV4KnownAnswer.signingTime(plus: 91))
        XCTAssertEqual(error.serviceError.message, "Signature expired: 20150830T123600Z is now earlier than "
            + "20150830T123601Z (20150830T123731Z - 90 sec.)")
    }

    func testPresignedExpiresMustBeANumberWithinAWeek() throws {
        let notNumber = try refusal(presignedRequest(replacing: "X-Amz-Expires=300", with: "X-Amz-Expires=5m"),
                                    service: "kinesisvideo")
        XCTAssertEqual(notNumber.serviceError, ServiceError(code: "IncompleteSignatureException",
                                                            message: "X-Amz-Expires should be a number"))
        let tooLong = try refusal(presignedRequest(replacing: "X-Amz-Expires=300", with: "X-Amz-Expires=604801"),
                                  service: "kinesisvideo")
        XCTAssertEqual(tooLong.serviceError.message, "X-Amz-Expires must be less than a week (in seconds); that is, "
            + "the given X-Amz-Expires must be less than 604800 seconds")
    }

    func testPresignedQueryMissingParametersListsEachOne() throws {
        let request = SigV4Request(method: "GET", path: "/", query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=",
                                   headers: [(name: "Host", value: "127.0.0.1:4567")], payload: .digest(of: []))
        XCTAssertEqual(try refusal(request).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must "
                + "include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS "
                + "query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters."))
    }

    func testNoSignatureAtAllIsAMissingAuthenticationToken() throws {
        let request = putRecord.request(editingHeaders: { $0.removeAll { $0.name == "Authorization" } })
        XCTAssertEqual(try refusal(request).serviceError, ServiceError(code: "MissingAuthenticationTokenException",
                                                                       message: "Missing Authentication Token"))
    }

    func testHeaderAndPresignedQueryTogetherAreRefused() throws {
        var request = putRecord.request
        request.query = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
        XCTAssertEqual(try refusal(request).serviceError, ServiceError(
            code: "InvalidSignatureException",
            message: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."))
    }

    func testAuthorizationPieceWithoutEqualSignIsReportedWithTheHeader() throws {
        let header = "AWS4-HMAC-SHA256 Credential= AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=host, Signature=abc"
        XCTAssertEqual(try refusal(authorization: header).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "'AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request' not a valid key=value pair (missing "
                + "equal-sign) in Authorization header: '\(header)'."))
        XCTAssertEqual(try refusal(authorization: "Bearer eyJhbGciOi").serviceError.message,
                       "'eyJhbGciOi' not a valid key=value pair (missing equal-sign) in Authorization header: "
                        + "'Bearer eyJhbGciOi'.")
    }

    func testAuthorizationWithoutItsPartsOrADateListsWhatIsMissing() throws {
        let request = SigV4Request(method: "POST", path: "/", query: "",
                                   headers: [(name: "Authorization", value: "AWS4-HMAC-SHA256")],
                                   payload: .digest(of: []))
        XCTAssertEqual(try refusal(request).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "Authorization header requires 'Credential' parameter. Authorization header requires "
                + "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization "
                + "header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=AWS4-HMAC-SHA256"))
    }

    func testMalformedRequestDateIsRefused() throws {
        let request = putRecord.request(editingHeaders: { headers in
            headers = headers.map { $0.name == "X-Amz-Date" ? (name: $0.name, value: "2015-08-30T12:36:00Z") : $0 }
        })
        XCTAssertEqual(try refusal(request).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. "
                + "See http://en.wikipedia.org/wiki/ISO_8601"))
    }

    func testHostMustBeSigned() throws {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=x-amz-date, Signature=abc"
        XCTAssertEqual(try refusal(authorization: header).serviceError, ServiceError(
            code: "InvalidSignatureException", message: "'Host' must be a 'SignedHeader' in the AWS Authorization."))
    }

    func testOnlyHMACSHA256IsSupported() throws {
        let header = "AWS4-HMAC-SHA512 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=host, Signature=abc"
        XCTAssertEqual(try refusal(authorization: header).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). "))
    }

    func testCredentialNeedsFiveElements() throws {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis, "
            + "SignedHeaders=host, Signature=abc"
        XCTAssertEqual(try refusal(authorization: header).serviceError, ServiceError(
            code: "IncompleteSignatureException",
            message: "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + "got 'AKIDEXAMPLE/20150830/us-east-1/kinesis'"))
    }

    func testEveryCredentialScopeProblemIsListed() throws {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150829/eu-west-1/firehose/aws5_request/, "
            + "SignedHeaders=host;x-amz-date, Signature=abc"
        XCTAssertEqual(try refusal(authorization: header).serviceError, ServiceError(
            code: "InvalidSignatureException",
            message: "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to "
                + "correct service: 'kinesis'. Credential should be scoped with a valid terminator: 'aws4_request', "
                + "not 'aws5_request'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                + "from HTTP: '20150829' != '20150830', from '20150830T123600Z'. "))
    }

    func testRequestToAnotherServiceIsRefused() throws {
        let error = try refusal(putRecord.request, service: "firehose")
        XCTAssertEqual(error, .credentialScopeMismatch([.service(expected: "firehose")]))
    }

    func testSessionTokenIsRefusedAfterTheSignatureChecksOut() throws {
        let error = try refusal(SigV4KnownAnswers.sessionTokenListStreams.request)
        XCTAssertEqual(error.serviceError, ServiceError(code: "UnrecognizedClientException",
                                                        message: "The security token included in the request is invalid"))
    }

    func testSignatureInUpperCaseHexDoesNotMatch() throws {
        let request = putRecord.request(editingHeaders: { headers in
            headers = headers.map { header in
                guard header.name == "Authorization", let range = header.value.range(of: "Signature=") else {
                    return header
                }
                return (name: header.name,
                        value: header.value[..<range.upperBound] + header.value[range.upperBound...].uppercased())
            }
        })
        guard case .signatureMismatch = try refusal(request) else { return XCTFail("expected a signature mismatch") }
    }

    // MARK: - Helpers

    private func presignedRequest(replacing old: String, with new: String) -> SigV4Request {
        var request = SigV4KnownAnswers.presignedHLSPlaylist.request
        request.query = request.query.replacingOccurrences(of: old, with: new)
        return request
    }

    private func refusal(authorization: String) throws -> AuthenticationError {
        try refusal(putRecord.request(editingHeaders: { headers in
            headers = headers.map { $0.name == "Authorization" ? (name: $0.name, value: authorization) : $0 }
        }))
    }

    private func refusal(_ request: SigV4Request, service: String = "kinesis",
                         now: SigV4Timestamp = SigV4KnownAnswer.signingTime(),
                         verifier: SigV4Verifier? = nil) throws -> AuthenticationError {
        let verifier = try verifier ?? SigV4KnownAnswer.verifier()
        do {
            let caller = try verifier.verify(request, service: service, now: now)
            throw UnexpectedlyVerified(accessKeyId: caller.accessKeyId)
        } catch let error as AuthenticationError {
            return error
        }
    }

    private struct UnexpectedlyVerified: Error {
        let accessKeyId: String
    }
}
