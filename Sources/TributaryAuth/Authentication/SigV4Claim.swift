import TributaryWire

/// What a request says about its own signature, read from the `Authorization` header or from presigned query
/// parameters (the two forms carry the same facts), before anything is checked against the server's state.
///
/// Reading it performs AWS's first checks, in AWS's order: the request is signed in exactly one way, every part
/// is present, the time is well-formed, and (presigned) `X-Amz-Expires` is a number within a week.
struct SigV4Claim: Sendable {
    let algorithm: String
    /// `key/date/region/service/aws4_request`, decoded, as the client wrote it.
    let credential: String
    /// Lower-case names, in the client's order.
    let signedHeaderNames: [String]
    let signature: String
    let requestTime: SigV4Timestamp
    /// A presigned URL's lifetime in seconds; nil for the `Authorization` header (the clock skew bound applies).
    let expiresSeconds: Int64?
    /// The query as the canonical request must see it: a presigned URL's own signature left out.
    let signedQuery: String
    /// Whether the request carries `X-Amz-Security-Token` (header or query).
    let hasSecurityToken: Bool

    init(_ request: SigV4Request) throws(AuthenticationError) {
        let query = PresignedQuery(request.query)
        let authorization = request.header("authorization")
        switch (authorization, query.isPresigned) {
        case (nil, false):
            throw .missingAuthenticationToken
        case (_?, true):
            throw .signedTwice
        case (let header?, false):
            try self.init(authorization: header, request: request)
        case (nil, true):
            try self.init(presigned: query, request: request)
        }
    }

    private init(authorization header: String, request: SigV4Request) throws(AuthenticationError) {
        let fields = try AuthorizationHeaderFields(header)
        let missing = ["Credential", "Signature", "SignedHeaders"].filter { fields.value($0)?.isEmpty ?? true }
        let amzDate = request.header("x-amz-date")
        let httpDate = request.header("date")
        guard missing.isEmpty, amzDate != nil || httpDate != nil else {
            throw .incompleteAuthorization(missingParameters: missing, isDateMissing: amzDate == nil && httpDate == nil,
                                           header: header)
        }
        let requestTime: SigV4Timestamp
        if let amzDate {
            guard let time = SigV4Timestamp(amzDate: amzDate) else { throw .malformedDate(amzDate) }
            requestTime = time
        } else {
            let date = httpDate ?? ""
            guard let time = HTTPDate.timestamp(date) else { throw .malformedDate(date) }
            requestTime = time
        }
        self.algorithm = fields.algorithm
        self.credential = fields.value("Credential") ?? ""
        self.signedHeaderNames = Self.names(fields.value("SignedHeaders") ?? "")
        self.signature = fields.value("Signature") ?? ""
        self.requestTime = requestTime
        self.expiresSeconds = nil
        self.signedQuery = request.query
        self.hasSecurityToken = request.header("x-amz-security-token") != nil
    }

    private init(presigned query: PresignedQuery, request: SigV4Request) throws(AuthenticationError) {
        let required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"]
        let missing = required.filter { query.value($0)?.isEmpty ?? true }
        guard missing.isEmpty else { throw .incompleteQuery(missingParameters: missing) }
        let amzDate = query.value("X-Amz-Date") ?? ""
        guard let requestTime = SigV4Timestamp(amzDate: amzDate) else { throw .malformedDate(amzDate) }
        var expiresSeconds = AuthenticationLimits.clockSkewSecondsMax
        if let expires = query.value("X-Amz-Expires") {
            guard !expires.isEmpty,
                  expires.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { throw .malformedExpires(expires) }
            // Digits only, so a failed conversion is a number past Int64: far more than a week.
            guard let seconds = Int64(expires), seconds <= AuthenticationLimits.presignedExpiresSecondsMax else {
                throw .expiresTooLong
            }
            expiresSeconds = seconds
        }
        self.algorithm = query.value("X-Amz-Algorithm") ?? ""
        self.credential = query.value("X-Amz-Credential") ?? ""
        self.signedHeaderNames = Self.names(query.value("X-Amz-SignedHeaders") ?? "")
        self.signature = query.value("X-Amz-Signature") ?? ""
        self.requestTime = requestTime
        self.expiresSeconds = expiresSeconds
        self.signedQuery = query.withoutSignature
        self.hasSecurityToken = query.value("X-Amz-Security-Token") != nil
            || request.header("x-amz-security-token") != nil
    }

    private static func names(_ signedHeaders: String) -> [String] {
        signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map { $0.lowercased() }
    }
}
