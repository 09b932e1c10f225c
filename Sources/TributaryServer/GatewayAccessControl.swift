import Foundation
import HTTPTypes
import Hummingbird
import TributaryAuth
import TributaryStreams
import TributaryWire

/// Authentication and authorization of every request when the server runs with credentials (`--auth` or
/// `--credentials`): the SigV4 signature is verified against the credentials file, then the caller's identity
/// policies and the resource's policy decide whether the operation may run, all before the service is called, so a
/// denied request changes nothing.
///
/// The credentials' policies are parsed once, here, so a malformed policy stops the server at start instead of
/// failing requests later.
struct GatewayAccessControl: Sendable {
    let verifier: SigV4Verifier
    let scope: ResourceScope
    private let evaluators: [String: PolicyEvaluator]
    private let kinesis: KinesisService

    init(credentials: CredentialStore, region: String, kinesis: KinesisService) throws {
        verifier = SigV4Verifier(credentials: credentials, region: region)
        scope = ResourceScope(region: region, accountId: credentials.accountId,
                              streamNameOfToken: { [kinesis] token in kinesis.streamName(ofToken: token) })
        var evaluators: [String: PolicyEvaluator] = [:]
        for credential in credentials.all {
            evaluators[credential.accessKeyId] = PolicyEvaluator(
                identityPolicies: try credential.policies.map { try PolicyDocument(parsing: $0, kind: .identity) })
        }
        self.evaluators = evaluators
        self.kinesis = kinesis
    }

    /// The caller, once its signature checks out. `payload` is the body's digest.
    func authenticate(_ request: Request, payload: SigV4Payload, service: AccessService) throws -> AuthenticatedCaller {
        try verifier.verify(Self.sigV4Request(request, payload: payload), service: service.rawValue, now: Self.now())
    }

    /// The caller of an upload whose body streams after this check (PutMedia), once its signature checks out, with
    /// the checker of its chunk signatures when the client signed the body chunk by chunk.
    func authenticateUpload(_ request: Request, service: AccessService) throws -> AuthenticatedUpload {
        try verifier.verifyUpload(Self.sigV4Request(request, payload: .streamed), service: service.rawValue,
                                  now: Self.now())
    }

    private static func sigV4Request(_ request: Request, payload: SigV4Payload) -> SigV4Request {
        let target = request.uri.string
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) }
            ?? (target, "")
        // HTTPTypes keeps HTTP/1.1's Host (and HTTP/2's :authority) as the authority, not among the fields; SigV4
        // always signs it as `host`.
        var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = request.head.authority {
            headers.append((name: "host", value: authority))
        }
        return SigV4Request(method: request.method.rawValue, path: path, query: query, headers: headers,
                            payload: payload)
    }

    private static func now() -> SigV4Timestamp {
        SigV4Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }

    /// Throws AccessDeniedException unless the caller may run `operation` on what `document` names.
    func authorize(_ caller: AuthenticatedCaller, service: AccessService, operation: String,
                   document: Document) throws {
        guard let access = OperationAccess.resolve(service: service, operation: operation, request: document,
                                                   scope: scope) else {
            return // an operation the service does not have: the service answers UnknownOperation
        }
        var resourcePolicies: [PolicyDocument] = []
        if case .arn(let arn) = access.resource, service == .kinesis, let text = try kinesis.resourcePolicy(arn: arn) {
            resourcePolicies.append(try PolicyDocument(json: text, kind: .resource))
        }
        let evaluator = evaluators[caller.accessKeyId] ?? PolicyEvaluator(identityPolicies: [])
        try evaluator.authorize(caller: CallerIdentity(accountId: caller.accountId, userName: caller.accessKeyId),
                                action: access.action, resource: access.resource, resourcePolicies: resourcePolicies)
    }
}
