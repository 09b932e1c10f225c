/// The `Principal` element of a resource policy: who the statement is about.
///
/// Accepted forms: `"*"`, `{"AWS": "*"}`, and `{"AWS": …}` holding one or an array of: a 12-digit account id,
/// `arn:aws:iam::<account>:root` (both mean every caller of that account), or an IAM/STS ARN such as
/// `arn:aws:iam::<account>:user/<name>` (that one user). Role and assumed-role ARNs are valid but match no caller
/// here, since every caller is a user. Other keys (`Service`, `Federated`, `CanonicalUser`) are refused.
public enum PolicyPrincipal: Sendable, Equatable {
    case everyone
    case aws([String])

    func matches(_ caller: CallerIdentity) -> Bool {
        switch self {
        case .everyone:
            return true
        case .aws(let entries):
            return entries.contains { entry in
                entry == "*" || entry == caller.accountId || entry == caller.arn
                    || entry == "arn:aws:iam::\(caller.accountId):root"
            }
        }
    }

    /// Whether an `AWS` entry has a form IAM accepts.
    static func isValidAWSEntry(_ entry: String) -> Bool {
        if entry == "*" || isAccountId(entry) { return true }
        let parts = entry.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && !parts[1].isEmpty && (parts[2] == "iam" || parts[2] == "sts")
            && parts[3].isEmpty && isAccountId(parts[4]) && !parts[5].isEmpty
    }

    private static func isAccountId(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }
    }
}
