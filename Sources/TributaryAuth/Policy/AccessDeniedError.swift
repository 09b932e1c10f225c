import TributaryWire

/// A request the policies do not allow, rendered as AWS renders it for these services.
///
/// The message follows IAM's current wording, e.g.
/// `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kinesis:PutRecord on resource:
/// arn:aws:kinesis:us-east-1:123456789012:stream/orders because no identity-based policy allows the
/// kinesis:PutRecord action`, with `with an explicit deny in an identity-based policy` (or `resource-based`) in
/// place of the `because …` clause after a Deny. The `on resource: …` part is left out for operations without
/// resource-level permissions, as AWS does.
///
/// Code `AccessDeniedException`; status 400 for Kinesis, Firehose and Analytics (AWS JSON 1.1), 403 for Kinesis
/// Video (REST-JSON), as those services answer.
public struct AccessDeniedError: Error, Sendable, Equatable, ServiceErrorConvertible {
    public var caller: CallerIdentity
    public var action: String
    public var resource: RequestedResource
    public var decision: AccessDecision

    public init(caller: CallerIdentity, action: String, resource: RequestedResource, decision: AccessDecision) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.decision = decision
    }

    public var message: String {
        var text = "User: \(caller.arn) is not authorized to perform: \(action)"
        if let name = resource.shownName { text += " on resource: \(name)" }
        switch decision {
        case .explicitlyDenied(let kind): text += " with an explicit deny in \(kind.wording) policy"
        case .implicitlyDenied, .allowed: text += " because no identity-based policy allows the \(action) action"
        }
        return text
    }

    public var serviceError: ServiceError {
        let isVideo = action.lowercased().hasPrefix(AccessService.kinesisvideo.rawValue + ":")
        return ServiceError(code: "AccessDeniedException", message: message, status: isVideo ? 403 : 400)
    }
}
