import TributaryWire

/// Why a policy document was refused.
///
/// Reasons use IAM's MalformedPolicyDocument wording where IAM has one ("Syntax errors in policy.", "Policy statement
/// must contain actions.", …). At the gateway the error is Kinesis PutResourcePolicy's `InvalidArgumentException`
/// (400), the error Kinesis documents for a policy it cannot accept; the credentials file reports the reason as is.
///
/// Condition and NotPrincipal elements are refused (`unsupported`) rather than ignored: ignoring a Condition would
/// widen an Allow or narrow a Deny without telling anyone.
public struct PolicyDocumentError: Error, Sendable, Equatable, ServiceErrorConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var serviceError: ServiceError {
        ServiceError(code: "InvalidArgumentException", message: reason)
    }

    /// Not JSON, a member of the wrong kind, an unknown element or Version, or a pattern past its bound.
    static let syntax = PolicyDocumentError(reason: "Syntax errors in policy.")
    static let missingActions = PolicyDocumentError(reason: "Policy statement must contain actions.")
    static let missingResources = PolicyDocumentError(reason: "Policy statement must contain resources.")
    static let principalInIdentityPolicy = PolicyDocumentError(
        reason: "Policy document should not specify a principal.")
    static let missingPrincipal = PolicyDocumentError(reason: "Missing required field Principal")
    static let actionWithoutVendor = PolicyDocumentError(
        reason: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")
    static let actionWithColons = PolicyDocumentError(reason: "Actions/Condition can contain only one colon.")

    static func tooLarge(bytes: Int) -> PolicyDocumentError {
        PolicyDocumentError(
            reason: "Policy document exceeds the maximum of \(PolicyLimits.policyBytesMax) bytes (\(bytes) bytes).")
    }

    static func resourceNotARN(_ text: String) -> PolicyDocumentError {
        PolicyDocumentError(reason: "Resource \(text) must be in ARN format or \"*\".")
    }

    static func invalidPrincipal(key: String, value: String) -> PolicyDocumentError {
        PolicyDocumentError(reason: "Invalid principal in policy: \"\(key)\":\"\(value)\"")
    }

    static func unsupported(_ element: String) -> PolicyDocumentError {
        PolicyDocumentError(
            reason: "Policy element \(element) is not supported by this server; remove it from the statement.")
    }
}
