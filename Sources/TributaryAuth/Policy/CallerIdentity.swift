/// Who signed a request, as policies and AccessDenied messages see them.
///
/// Every caller is an IAM user of the server's account; the user name is the one the credentials file gives, or the
/// access key id when it gives none.
public struct CallerIdentity: Sendable, Equatable {
    public var accountId: String
    public var userName: String

    public init(accountId: String, userName: String) {
        self.accountId = accountId
        self.userName = userName
    }

    /// `arn:aws:iam::<account>:user/<name>`, as AWS names the caller in AccessDenied messages.
    public var arn: String { "arn:aws:iam::\(accountId):user/\(userName)" }
}
