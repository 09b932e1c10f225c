/// The credentials the server accepts, looked up by access key id while verifying each request.
///
/// Built once at start (from the file given by `--credentials`, see `CredentialStore+File.swift`) and never changed,
/// so it is a plain value shared by every request. Invariants: at least one credential; access key ids are unique,
/// 1…128 word characters (`[A-Za-z0-9_]`, so a Credential scope can carry them); secrets are not empty; every
/// credential has the same twelve-digit account id, because the server keeps a single account's resources.
public struct CredentialStore: Sendable {
    /// The account every credential acts in; it appears in every ARN callers see.
    public let accountId: String
    private let credentialsByAccessKeyId: [String: Credential]

    /// Checks the invariants above and throws the first `CredentialsFileError` that breaks one.
    public init(credentials: [Credential]) throws {
        guard let first = credentials.first else { throw CredentialsFileError.noCredentials }
        var byAccessKeyId: [String: Credential] = [:]
        for (index, credential) in credentials.enumerated() {
            guard Self.isAccessKeyId(credential.accessKeyId) else {
                throw CredentialsFileError.invalidAccessKeyId(location: "credentials[\(index)].accessKeyId",
                                                              value: credential.accessKeyId)
            }
            guard byAccessKeyId[credential.accessKeyId] == nil else {
                throw CredentialsFileError.duplicateAccessKeyId(credential.accessKeyId)
            }
            guard !credential.secretAccessKey.isEmpty else {
                throw CredentialsFileError.emptySecretAccessKey(accessKeyId: credential.accessKeyId)
            }
            guard Self.isAccountId(credential.accountId) else {
                throw CredentialsFileError.invalidAccountId(accessKeyId: credential.accessKeyId,
                                                            value: credential.accountId)
            }
            byAccessKeyId[credential.accessKeyId] = credential
        }
        var accountIds: [String] = []
        for credential in credentials where !accountIds.contains(credential.accountId) {
            accountIds.append(credential.accountId)
        }
        guard accountIds.count == 1 else { throw CredentialsFileError.mixedAccountIds(accountIds) }
        self.accountId = first.accountId
        self.credentialsByAccessKeyId = byAccessKeyId
    }

    /// Every credential, in no particular order (the gateway parses their policies once at start).
    public var all: [Credential] {
        Array(credentialsByAccessKeyId.values)
    }

    /// The credential of `accessKeyId` (exact, case-sensitive match), or nil when no such key is configured.
    public func credential(accessKeyId: String) -> Credential? {
        credentialsByAccessKeyId[accessKeyId]
    }

    private static func isAccessKeyId(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...AuthenticationLimits.accessKeyIdCharactersMax).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                true
            default:
                false
            }
        }
    }

    private static func isAccountId(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
