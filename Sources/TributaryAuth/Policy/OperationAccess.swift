import TributaryWire

/// What one request needs to be allowed: the IAM action and the resource it acts on.
///
/// Every operation's action is `<service>:<Operation>` (IAM names these services' actions after their operations,
/// e.g. `kinesisvideo:GetHLSStreamingSessionURL`); the resource comes from the request's members per
/// `OperationAccess.rules`, which lists every operation of botocore's models of the four services plus PutMedia.
public struct OperationAccess: Sendable, Equatable {
    public var action: String
    public var resource: RequestedResource

    public init(action: String, resource: RequestedResource) {
        self.action = action
        self.resource = resource
    }

    /// The access `operation` of `service` needs for this request, or nil for an operation the service does not
    /// have (the gateway then answers as it does for unknown operations). PutMedia's request is the document
    /// `{"StreamName": …, "StreamARN": …}` built from its `x-amzn-stream-name` / `x-amzn-stream-arn` headers.
    public static func resolve(service: AccessService, operation: String, request: Document,
                               scope: ResourceScope) -> OperationAccess? {
        guard let rule = rules[service]?[operation] else { return nil }
        return OperationAccess(action: "\(service.rawValue):\(operation)",
                               resource: rule.resource(of: request, service: service, scope: scope))
    }
}
