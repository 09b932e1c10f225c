import Foundation
import TributaryWire

/// PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy: IAM-style policy documents attached to a stream or
/// a consumer, validated and stored (they are enforced once authentication exists).
extension KinesisService {
    static let policyNamespace = "resource-policies"
    static let resourceARNPattern = ConstraintPattern("arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+")
    /// AWS's limit on a resource policy document.
    static let policyBytesMax = 20_480

    func putResourcePolicy(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = try resourceARNMember(request, &validation)
        let policy = validation.required(try request.string("Policy"), at: "policy")
        try validation.check()
        guard let arn, let policy else { return .object([:]) }
        try requireResource(arn)
        try validatePolicy(policy)
        try metadata.put(namespace: Self.policyNamespace, key: arn, value: Array(policy.utf8))
        return .object([:])
    }

    func getResourcePolicy(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = try resourceARNMember(request, &validation)
        try validation.check()
        guard let arn else { return .object([:]) }
        try requireResource(arn)
        let stored = try metadata.load(namespace: Self.policyNamespace)[arn]
        return .object(["Policy": .string(stored.map { String(decoding: $0, as: UTF8.self) } ?? "{}")])
    }

    func deleteResourcePolicy(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = try resourceARNMember(request, &validation)
        try validation.check()
        guard let arn else { return .object([:]) }
        try requireResource(arn)
        guard try metadata.load(namespace: Self.policyNamespace)[arn] != nil else {
            throw StreamsError.resourceNotFound("No resource policy found for resource ARN \(arn).")
        }
        try metadata.delete(namespace: Self.policyNamespace, key: arn)
        return .object([:])
    }

    /// Removes the policies of a stream that is being deleted and of all its consumers, so that a stream created
    /// later under the same name starts without them.
    func removeResourcePolicies(of stream: StreamDescriptor) throws {
        try metadata.delete(namespace: Self.policyNamespace, key: streamARN(stream.name))
        for consumer in stream.consumers {
            try metadata.delete(namespace: Self.policyNamespace, key: consumerARN(consumer, stream: stream.name))
        }
    }

    private func resourceARNMember(_ request: Document, _ validation: inout Validation) throws -> String? {
        let arn = validation.required(try request.string("ResourceARN"), at: "resourceARN")
        validation.length(arn, at: "resourceARN", min: 1, max: 2048)
        validation.pattern(arn, at: "resourceARN", pattern: Self.resourceARNPattern)
        return arn
    }

    /// The ARN must name an existing stream or consumer.
    private func requireResource(_ arn: String) throws {
        if arn.contains("/consumer/") {
            _ = try consumer(arn: arn)
        } else {
            _ = try existingStream(try streamName(fromARN: arn))
        }
    }

    /// A policy must be a JSON object whose Statement holds statements with an Effect of Allow or Deny, an Action (or
    /// NotAction) and a Principal, as IAM requires of resource policies.
    private func validatePolicy(_ text: String) throws {
        let invalid = { (reason: String) in StreamsError.invalidArgument("Invalid policy document: \(reason)") }
        guard text.utf8.count <= Self.policyBytesMax else { throw invalid("larger than \(Self.policyBytesMax) bytes") }
        guard let document = try? JSONDocumentDecoder.decode(Array(text.utf8)), case .object = document else {
            throw invalid("not a JSON object")
        }
        let statements: [Document]
        switch document["Statement"] {
        case .array(let list)?: statements = list
        case .object?: statements = [document["Statement"]!]
        default: throw invalid("Statement is missing")
        }
        guard !statements.isEmpty else { throw invalid("Statement is empty") }
        for statement in statements {
            guard case .string(let effect)? = statement["Effect"], effect == "Allow" || effect == "Deny" else {
                throw invalid("each statement needs an Effect of Allow or Deny")
            }
            guard statement["Action"] != nil || statement["NotAction"] != nil else {
                throw invalid("each statement needs an Action or NotAction")
            }
            guard statement["Principal"] != nil || statement["NotPrincipal"] != nil else {
                throw invalid("each statement of a resource policy needs a Principal")
            }
        }
    }
}
