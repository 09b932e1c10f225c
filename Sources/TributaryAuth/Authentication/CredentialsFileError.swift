/// Why a credentials file was refused. The server reports it at start and does not run: a half-read file would
/// leave callers locked out or, worse, let the wrong keys in.
///
/// Locations are written as JSON paths (`credentials[2].accountId`) so the mistake can be found in the file.
public enum CredentialsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is larger than `AuthenticationLimits.credentialsFileBytesMax`.
    case tooLarge(path: String, bytesMax: Int)
    /// The text is not JSON; `reason` is the parser's.
    case malformedJSON(reason: String)
    /// A member is missing, has the wrong type, or is not known.
    case invalidMember(location: String, problem: String)
    /// `credentials` is an empty array: authentication would refuse every request.
    case noCredentials
    case invalidAccessKeyId(location: String, value: String)
    case duplicateAccessKeyId(String)
    case emptySecretAccessKey(accessKeyId: String)
    case invalidAccountId(accessKeyId: String, value: String)
    /// The server keeps one account's resources, so every credential must name the same account.
    case mixedAccountIds([String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "Cannot read the credentials file \(path): \(reason)"
        case .tooLarge(let path, let bytesMax):
            "The credentials file \(path) is larger than \(bytesMax) bytes."
        case .malformedJSON(let reason):
            "The credentials file is not valid JSON: \(reason)"
        case .invalidMember(let location, let problem):
            "The credentials file's \(location) \(problem)."
        case .noCredentials:
            "The credentials file lists no credentials; add at least one to `credentials`."
        case .invalidAccessKeyId(let location, let value):
            "The credentials file's \(location) '\(value)' is not an access key id: use 1 to "
                + "\(AuthenticationLimits.accessKeyIdCharactersMax) letters, digits or underscores."
        case .duplicateAccessKeyId(let accessKeyId):
            "The credentials file lists the access key id \(accessKeyId) more than once."
        case .emptySecretAccessKey(let accessKeyId):
            "The credentials file gives the access key id \(accessKeyId) an empty secretAccessKey."
        case .invalidAccountId(let accessKeyId, let value):
            "The credentials file gives the access key id \(accessKeyId) the account id '\(value)'; an account id "
                + "is exactly 12 digits."
        case .mixedAccountIds(let accountIds):
            "The credentials file names several account ids (\(accountIds.joined(separator: ", "))); this server "
                + "keeps one account's resources, so every credential must use the same accountId."
        }
    }
}
