import TributaryWire

/// One access key of the credentials file: the secret that signs requests, the account the caller acts in, and the
/// IAM policy documents attached to it.
///
/// The policies stay JSON `Document`s here: authentication only carries them to the policy evaluator, which parses
/// and judges them. Invariants (checked by `CredentialStore`): the access key id is 1…128 word characters, the
/// secret is not empty, the account id is twelve digits.
public struct Credential: Sendable, Equatable {
    public let accessKeyId: String
    public let secretAccessKey: String
    public let accountId: String
    /// Identity-based policies, one IAM policy document (a JSON object) each.
    public let policies: [Document]

    public init(accessKeyId: String, secretAccessKey: String, accountId: String, policies: [Document]) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.accountId = accountId
        self.policies = policies
    }
}
