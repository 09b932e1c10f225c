import TributaryAuth
import TributaryWire

/// One request signed by botocore (see `SigV4KnownAnswers`): what was sent, and the canonical request and string to
/// sign botocore computed, which the verifier must compute too.
struct SigV4KnownAnswer {
    let method: String
    let path: String
    let query: String
    let headers: [(name: String, value: String)]
    let body: String
    let canonicalRequest: String
    let stringToSign: String

    /// The request as the gateway hands it over, its body read whole.
    var request: SigV4Request {
        SigV4Request(method: method, path: path, query: query, headers: headers,
                     payload: .digest(of: Array(body.utf8)))
    }

    /// The same request with its headers changed by `edit`.
    func request(editingHeaders edit: (inout [(name: String, value: String)]) -> Void) -> SigV4Request {
        var changed = request
        edit(&changed.headers)
        return changed
    }

    /// The time botocore signed at, moved by `seconds`.
    static func signingTime(plus seconds: Int64 = 0) -> SigV4Timestamp {
        let signed = SigV4Timestamp(amzDate: SigV4KnownAnswers.signingAmzDate)!
        return SigV4Timestamp(secondsSinceEpoch: signed.secondsSinceEpoch + seconds)
    }

    /// A verifier holding botocore's key with `secret` (the real one unless a test wants a mismatch).
    static func verifier(secret: String = SigV4KnownAnswers.secretAccessKey,
                         region: String? = "us-east-1") throws -> SigV4Verifier {
        let store = try CredentialStore(credentials: [
            Credential(accessKeyId: SigV4KnownAnswers.accessKeyId, secretAccessKey: secret,
                       accountId: "123456789012", policies: [.object(["Version": .string("2012-10-17")])]),
        ])
        return SigV4Verifier(credentials: store, region: region)
    }
}
