import TributaryWire

/// Who sent a request whose signature checked out: what authorization and ARNs need from the credential, without
/// its secret (which never leaves authentication).
public struct AuthenticatedCaller: Sendable, Equatable {
    public let accessKeyId: String
    /// The account every ARN the caller sees belongs to.
    public let accountId: String
    /// The caller's identity-based policies, IAM policy documents as written in the credentials file.
    public let policies: [Document]

    public init(accessKeyId: String, accountId: String, policies: [Document]) {
        self.accessKeyId = accessKeyId
        self.accountId = accountId
        self.policies = policies
    }

    init(_ credential: Credential) {
        self.init(accessKeyId: credential.accessKeyId, accountId: credential.accountId,
                  policies: credential.policies)
    }
}
