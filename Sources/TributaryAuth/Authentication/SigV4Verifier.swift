import Crypto
import TributaryWire

/// Checks AWS Signature Version 4 on a request, from the `Authorization` header or a presigned URL, against the
/// configured credentials, and says who sent it.
///
/// The checks run in the order AWS's request authentication runs them, so a request with several faults gets the
/// error AWS would give: how it is signed and whether every part is there (`SigV4Claim`), the time against the
/// clock, `host` signed, the algorithm, the credential's shape and scope, the access key, the signature, and last
/// a session token (refused: the credentials file has no temporary credentials).
///
/// The canonical request comes from TributaryWire's `SigV4Canonicalization`, the same code Firehose's S3 client signs
/// with; paths follow the non-S3 rule (dot segments removed, encoded twice). A value, safe to share between requests.
public struct SigV4Verifier: Sendable {
    public let credentials: CredentialStore
    /// The region credential scopes must name; nil accepts any region.
    public let region: String?

    public init(credentials: CredentialStore, region: String?) {
        self.credentials = credentials
        self.region = region
    }

    /// Verifies `request`, addressed to `service` (the signing name: `kinesis`, `firehose`, `kinesisanalytics`,
    /// `kinesisvideo`), at the server's time `now`; answers the caller or throws AWS's error.
    public func verify(_ request: SigV4Request, service: String,
                       now: SigV4Timestamp) throws(AuthenticationError) -> AuthenticatedCaller {
        try verified(request, service: service, now: now, acceptsChunkSigning: false).caller
    }

    /// Verifies the request of an upload whose body streams after the check (`payload` is `.streamed`): as
    /// `verify`, and when the client declared `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` (the canonical request then
    /// ends with that literal), the reader that checks each chunk's signature, chained from the request's own.
    public func verifyUpload(_ request: SigV4Request, service: String,
                             now: SigV4Timestamp) throws(AuthenticationError) -> AuthenticatedUpload {
        let verified = try verified(request, service: service, now: now, acceptsChunkSigning: true)
        guard request.payload.isChunkSigned(declared: request.header("x-amz-content-sha256")) else {
            return AuthenticatedUpload(caller: verified.caller, signedChunks: nil)
        }
        let chain = ChunkSignatureChain(signingKey: verified.signingKey, amzDate: verified.amzDate,
                                        credentialScope: verified.credentialScope, seedSignature: verified.signature)
        return AuthenticatedUpload(caller: verified.caller, signedChunks: SignedChunkStream(chain: chain))
    }

    /// What a verified request leaves for checking a chunk-signed body.
    private struct Verified {
        let caller: AuthenticatedCaller
        let signingKey: SymmetricKey
        let amzDate: String
        let credentialScope: String
        let signature: String
    }

    private func verified(_ request: SigV4Request, service: String, now: SigV4Timestamp,
                          acceptsChunkSigning: Bool) throws(AuthenticationError) -> Verified {
        let claim = try SigV4Claim(request)
        try checkFreshness(of: claim, now: now)
        guard claim.signedHeaderNames.contains("host") else { throw .hostNotSigned }
        guard claim.algorithm == SigV4.algorithm else { throw .unsupportedAlgorithm(claim.algorithm) }
        let authorization = try scopedAuthorization(claim, service: service)
        guard let credential = credentials.credential(accessKeyId: authorization.accessKeyId) else {
            throw .unrecognizedAccessKey
        }
        let canonicalRequest = SigV4Canonicalization.canonicalRequest(
            method: request.method,
            canonicalURI: SigV4Canonicalization.canonicalURI(encodedPath: request.path, rule: .standard),
            canonicalQuery: SigV4Canonicalization.canonicalQuery(encodedQuery: claim.signedQuery),
            headers: SigV4CanonicalHeaders(request.headers, onlyNames: Set(claim.signedHeaderNames)),
            payloadHash: request.payload.canonicalHash(declared: request.header("x-amz-content-sha256"),
                                                       acceptsChunkSigning: acceptsChunkSigning))
        let stringToSign = SigV4Canonicalization.stringToSign(
            amzDate: claim.requestTime.amzDate, credentialScope: authorization.credentialScope,
            canonicalRequestHash: SigV4Cryptography.sha256Hex(canonicalRequest.utf8))
        let signingKey = SigV4Cryptography.signingKey(secretAccessKey: credential.secretAccessKey,
                                                      authorization: authorization)
        let expected = SigV4Cryptography.signature(signingKey: signingKey, stringToSign: stringToSign)
        guard SigV4Cryptography.constantTimeEqual(expected, claim.signature) else {
            throw .signatureMismatch(canonicalRequest: canonicalRequest, stringToSign: stringToSign)
        }
        guard !claim.hasSecurityToken else { throw .securityTokenRefused }
        return Verified(caller: AuthenticatedCaller(credential), signingKey: signingKey,
                        amzDate: claim.requestTime.amzDate, credentialScope: authorization.credentialScope,
                        signature: expected)
    }

    /// A request signed too long ago (past the skew allowance, or past a presigned URL's own lifetime) has expired;
    /// one signed more than the skew allowance ahead of the clock is not yet current.
    private func checkFreshness(of claim: SigV4Claim, now: SigV4Timestamp) throws(AuthenticationError) {
        let signedAt = claim.requestTime.secondsSinceEpoch
        let windowSeconds = claim.expiresSeconds ?? AuthenticationLimits.clockSkewSecondsMax
        if signedAt < now.secondsSinceEpoch - windowSeconds {
            throw .signatureExpired(amzDate: claim.requestTime.amzDate, now: now, windowSeconds: windowSeconds)
        }
        if signedAt > now.secondsSinceEpoch + AuthenticationLimits.clockSkewSecondsMax {
            throw .signatureNotYetCurrent(amzDate: claim.requestTime.amzDate, now: now)
        }
    }

    /// Splits the credential into key and scope (trailing slashes ignored, as AWS does) and lists every way the
    /// scope misses this request.
    private func scopedAuthorization(_ claim: SigV4Claim,
                                     service: String) throws(AuthenticationError) -> SigV4Authorization {
        var credential = Substring(claim.credential)
        while credential.hasSuffix("/") { credential = credential.dropLast() }
        let elements = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count == 5 else { throw .malformedCredential(claim.credential) }
        var problems: [CredentialScopeProblem] = []
        if let region, elements[2] != region { problems.append(.region(signed: elements[2])) }
        if elements[3] != service { problems.append(.service(expected: service)) }
        if elements[4] != SigV4.scopeTerminator { problems.append(.terminator(signed: elements[4])) }
        if elements[1] != claim.requestTime.dateStamp {
            problems.append(.date(signed: elements[1], requestDateStamp: claim.requestTime.dateStamp,
                                  requestAmzDate: claim.requestTime.amzDate))
        }
        guard problems.isEmpty else { throw .credentialScopeMismatch(problems) }
        return SigV4Authorization(accessKeyId: elements[0], dateStamp: elements[1], region: elements[2],
                                  service: elements[3], signedHeaderNames: claim.signedHeaderNames,
                                  signature: claim.signature)
    }
}
