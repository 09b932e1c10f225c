/// The `Authorization` header of a SigV4-signed request:
/// `AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex`.
///
/// The signer formats it; the verifier parses it to learn which key, scope and headers the client signed with.
public struct SigV4Authorization: Sendable, Equatable {
    public var accessKeyId: String
    public var dateStamp: String
    public var region: String
    public var service: String
    /// Lower-case header names in the order the client listed them (sorted, when the client is correct).
    public var signedHeaderNames: [String]
    /// Lower-case hex HMAC-SHA256.
    public var signature: String

    public init(accessKeyId: String, dateStamp: String, region: String, service: String,
                signedHeaderNames: [String], signature: String) {
        self.accessKeyId = accessKeyId
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
        self.signedHeaderNames = signedHeaderNames
        self.signature = signature
    }

    /// Parses a header value; nil unless it is SigV4 with a five-part credential, signed headers and a signature.
    public init?(parsing header: String) {
        guard header.utf8.count <= SigV4Limits.authorizationBytesMax,
              header.hasPrefix(SigV4.algorithm + " ")
        else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(SigV4.algorithm.count + 1).split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return nil }
            let name = pair[0].trimmingSpaces()
            guard fields[name] == nil else { return nil }
            fields[name] = pair[1].trimmingSpaces()
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"],
              let signature = fields["Signature"], !signature.isEmpty
        else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let names = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == SigV4.scopeTerminator, !scope[0].isEmpty, scope[1].utf8.count == 8,
              !scope[2].isEmpty, !scope[3].isEmpty, names.count <= SigV4Limits.signedHeaderCountMax,
              names.allSatisfy({ !$0.isEmpty })
        else { return nil }
        self.init(accessKeyId: scope[0], dateStamp: scope[1], region: scope[2], service: scope[3],
                  signedHeaderNames: names, signature: signature)
    }

    public var credentialScope: String {
        SigV4Canonicalization.credentialScope(dateStamp: dateStamp, region: region, service: service)
    }

    /// The header value, in the spacing botocore and the AWS SDKs use.
    public var headerValue: String {
        "\(SigV4.algorithm) Credential=\(accessKeyId)/\(credentialScope), "
            + "SignedHeaders=\(signedHeaderNames.joined(separator: ";")), Signature=\(signature)"
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
