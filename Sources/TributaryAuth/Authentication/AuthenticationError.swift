import TributaryWire

/// Why a request's signature was refused, rendered in the words of AWS's request authentication (the Coral
/// framework Kinesis and the other services share): the same error codes, messages and order of checks.
///
/// Every case answers HTTP 400, as Kinesis does for JSON requests (REST services behind API Gateway answer 403 to
/// some of these; the gateway may adjust the status per protocol).
public enum AuthenticationError: Error, Sendable, Equatable, ServiceErrorConvertible {
    /// Neither an `Authorization` header nor an `X-Amz-Algorithm` query parameter.
    case missingAuthenticationToken
    /// Both an `Authorization` header and presigned query parameters.
    case signedTwice
    /// A piece of the `Authorization` header after the algorithm has no `=`.
    case malformedAuthorizationPair(pair: String, header: String)
    /// `Credential`, `Signature` or `SignedHeaders` is absent or empty, or the request has no date.
    case incompleteAuthorization(missingParameters: [String], isDateMissing: Bool, header: String)
    /// Presigned query parameters among the five SigV4 needs are absent or empty.
    case incompleteQuery(missingParameters: [String])
    /// The request time is not `YYYYMMDDTHHMMSSZ` (or, for a `Date` header, an RFC 7231 date).
    case malformedDate(String)
    /// `X-Amz-Expires` is not a whole number of seconds.
    case malformedExpires(String)
    /// `X-Amz-Expires` is beyond `AuthenticationLimits.presignedExpiresSecondsMax`.
    case expiresTooLong
    case unsupportedAlgorithm(String)
    /// The credential is not `key/date/region/service/aws4_request`.
    case malformedCredential(String)
    /// `host` is not among the signed headers.
    case hostNotSigned
    /// The credential scope does not fit this request; each problem is one sentence of AWS's message.
    case credentialScopeMismatch([CredentialScopeProblem])
    /// Signed more than `window` before `now` (the clock skew allowance, or a presigned URL's own lifetime).
    case signatureExpired(amzDate: String, now: SigV4Timestamp, windowSeconds: Int64)
    /// Signed more than the clock skew allowance after `now`.
    case signatureNotYetCurrent(amzDate: String, now: SigV4Timestamp)
    case unrecognizedAccessKey
    /// The signatures differ; carries what the server expected, as AWS shows it.
    case signatureMismatch(canonicalRequest: String, stringToSign: String)
    /// The request carries a session token: the credentials file has no temporary credentials, so none is valid.
    case securityTokenRefused

    public var serviceError: ServiceError {
        ServiceError(code: code, message: message)
    }

    private var code: String {
        switch self {
        case .missingAuthenticationToken:
            "MissingAuthenticationTokenException"
        case .unrecognizedAccessKey, .securityTokenRefused:
            "UnrecognizedClientException"
        case .malformedAuthorizationPair, .incompleteAuthorization, .incompleteQuery, .malformedDate,
             .malformedExpires, .expiresTooLong, .unsupportedAlgorithm, .malformedCredential:
            "IncompleteSignatureException"
        case .signedTwice, .hostNotSigned, .credentialScopeMismatch, .signatureExpired, .signatureNotYetCurrent,
             .signatureMismatch:
            "InvalidSignatureException"
        }
    }

    private var message: String {
        switch self {
        case .missingAuthenticationToken:
            return "Missing Authentication Token"
        case .unrecognizedAccessKey:
            return "The security token included in the request is invalid."
        case .securityTokenRefused:
            // AWS words this later check without the final period.
            return "The security token included in the request is invalid"
        case .signedTwice:
            return "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."
        case .malformedAuthorizationPair(let pair, let header):
            return "'\(pair)' not a valid key=value pair (missing equal-sign) in Authorization header: '\(header)'."
        case .incompleteAuthorization(let missingParameters, let isDateMissing, let header):
            let parameters = missingParameters.map { "Authorization header requires '\($0)' parameter. " }.joined()
            let date = isDateMissing
                ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " : ""
            return parameters + date + "Authorization=" + header
        case .incompleteQuery(let missingParameters):
            return missingParameters.map { "AWS query-string parameters must include '\($0)'. " }.joined()
                + "Re-examine the query-string parameters."
        case .malformedDate(let date):
            return "Date must be in ISO-8601 'basic format'. Got '\(date)'. See http://en.wikipedia.org/wiki/ISO_8601"
        case .malformedExpires:
            return "X-Amz-Expires should be a number"
        case .expiresTooLong:
            return "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be "
                + "less than \(AuthenticationLimits.presignedExpiresSecondsMax) seconds"
        case .unsupportedAlgorithm(let algorithm):
            return "Unsupported AWS 'algorithm': '\(algorithm)' (only \(SigV4.algorithm) for now). "
        case .malformedCredential(let credential):
            return "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + "got '\(credential)'"
        case .hostNotSigned:
            return "'Host' must be a 'SignedHeader' in the AWS Authorization."
        case .credentialScopeMismatch(let problems):
            return problems.map(\.sentence).joined()
        case .signatureExpired(let amzDate, let now, let windowSeconds):
            let earliest = SigV4Timestamp(secondsSinceEpoch: max(0, now.secondsSinceEpoch - windowSeconds))
            return "Signature expired: \(amzDate) is now earlier than \(earliest.amzDate) (\(now.amzDate) - "
                + "\(Self.duration(windowSeconds)))"
        case .signatureNotYetCurrent(let amzDate, let now):
            let skew = AuthenticationLimits.clockSkewSecondsMax
            let latest = SigV4Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + skew)
            return "Signature not yet current: \(amzDate) is still later than \(latest.amzDate) (\(now.amzDate) + "
                + "\(Self.duration(skew)))"
        case .signatureMismatch(let canonicalRequest, let stringToSign):
            return "The request signature we calculated does not match the signature you provided. Check your AWS "
                + "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + "The Canonical String for this request should have been\n'\(canonicalRequest)'\n\n"
                + "The String-to-Sign should have been\n'\(stringToSign)'\n"
        }
    }

    /// AWS writes its windows in minutes (`5 min.`); a presigned lifetime that is not whole minutes in seconds.
    private static func duration(_ seconds: Int64) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) min." : "\(seconds) sec."
    }
}
