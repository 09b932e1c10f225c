import Foundation
import TributaryWire

/// CreateDeliveryStream: checks what the model cannot (one destination, source rules, prefixes, encryption), then
/// persists the stream as CREATING; `run()` makes it ACTIVE.
extension FirehoseService {
    func createDeliveryStream(_ request: Document) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let type = try request.string("DeliveryStreamType") ?? "DirectPut"
        let source = try kinesisSource(request, type: type)
        let destination = try singleDestination(request)
        try DestinationRules.validate(destination.kind, configuration: destination.configuration)
        let encryption = try encryptionInput(request.object("DeliveryStreamEncryptionConfigurationInput"), type: type)
        let tags = try tagList(request.array("Tags"))
        guard tags.count <= FirehoseLimits.tagsMax else {
            throw FirehoseError.limitExceeded("The number of tags exceeds the limit of \(FirehoseLimits.tagsMax).")
        }
        let nowMs = FirehoseClock.nowMs()
        let descriptor = DeliveryStreamDescriptor(
            name: name, incarnation: nowMs, type: type, status: .creating, versionId: 1, createdAtMs: nowMs,
            lastUpdatedAtMs: nil, statusDeadlineMs: nowMs + Int64(configuration.stateDelayMs), kinesisSource: source,
            destinations: [DeliveryStreamDescriptor.Destination(
                destinationId: "destinationId-000000000001", kind: destination.kind,
                configurationJSON: String(decoding: JSONDocumentEncoder.encode(destination.configuration),
                                          as: UTF8.self))],
            tags: tags,
            encryption: encryption ?? DeliveryStreamDescriptor.Encryption(status: "DISABLED"))
        // What the stream needs (its key, its source positions) is durable before the stream is published, and
        // removed again if the insert is refused, so a failed create leaves nothing behind.
        if encryption != nil { try keyring.ensureKey(descriptor.checkpointKey) }
        do {
            if let source { try startSourcePositions(of: descriptor, source: source) }
            try catalog.insert(descriptor) { existing in
                if existing.contains(where: { $0.name == name }) {
                    throw FirehoseError.resourceInUse(
                        "Firehose \(name) under accountId \(configuration.accountId) already exists")
                }
            }
        } catch {
            try? keyring.forget(descriptor.checkpointKey)
            try? metadata.delete(namespace: SourceCheckpoints.namespace, key: descriptor.checkpointKey)
            throw error
        }
        return .object(["DeliveryStreamARN": .string(arn(name))])
    }

    /// KinesisStreamSourceConfiguration as AWS requires it: present exactly for KinesisStreamAsSource, naming a
    /// stream that exists.
    private func kinesisSource(_ request: Document, type: String) throws -> DeliveryStreamDescriptor.KinesisSource? {
        let configuration = try request.object("KinesisStreamSourceConfiguration")
        switch type {
        case "DirectPut":
            if configuration != nil {
                throw FirehoseError.invalidArgument(
                    "KinesisStreamSourceConfiguration is only allowed when DeliveryStreamType is KinesisStreamAsSource.")
            }
            return nil
        case "KinesisStreamAsSource":
            guard let configuration, let streamARN = try configuration.string("KinesisStreamARN"),
                  let roleARN = try configuration.string("RoleARN")
            else {
                throw FirehoseError.invalidArgument(
                    "KinesisStreamSourceConfiguration must be provided when DeliveryStreamType is KinesisStreamAsSource.")
            }
            do {
                _ = try kinesis.consumableStream(streamARN)
            } catch {
                throw FirehoseError.invalidArgument("Kinesis stream \(streamARN) does not exist or is not active.")
            }
            return .init(streamARN: streamARN, roleARN: roleARN, deliveryStartMs: FirehoseClock.nowMs())
        default:
            throw FirehoseError.invalidArgument(
                "DeliveryStreamType \(type) is not available on this server: its source system does not run here.")
        }
    }

    /// The one destination configuration of the request.
    private func singleDestination(_ request: Document) throws -> (kind: DestinationKind, configuration: Document) {
        for member in DestinationKind.unsupportedMembers where request[member] != nil {
            throw FirehoseError.invalidArgument(
                "\(member) is not available on this server: deliver to ExtendedS3, S3 or HttpEndpoint destinations.")
        }
        let given = try DestinationKind.allCases.compactMap { kind in
            try request.object(kind.rawValue).map { (kind, $0) }
        }
        guard given.count == 1, let only = given.first else {
            throw FirehoseError.invalidArgument("Exactly one destination configuration must be specified.")
        }
        return only
    }

    /// DeliveryStreamEncryptionConfigurationInput: KeyARN exactly with CUSTOMER_MANAGED_CMK, and not for a data
    /// stream source (which has its own encryption).
    func encryptionInput(_ input: Document?, type: String) throws -> DeliveryStreamDescriptor.Encryption? {
        guard let input else { return nil }
        if type == "KinesisStreamAsSource" {
            throw FirehoseError.invalidArgument(
                "Server-side encryption is not supported for a Firehose stream whose source is a Kinesis data stream; encrypt the source stream instead.")
        }
        let keyType = try input.string("KeyType") ?? "AWS_OWNED_CMK"
        let keyARN = try input.string("KeyARN")
        if keyType == "CUSTOMER_MANAGED_CMK", keyARN == nil {
            throw FirehoseError.invalidArgument("KeyARN must be provided when KeyType is CUSTOMER_MANAGED_CMK.")
        }
        if keyType == "AWS_OWNED_CMK", keyARN != nil {
            throw FirehoseError.invalidArgument("KeyARN must not be provided when KeyType is AWS_OWNED_CMK.")
        }
        return .init(status: "ENABLED", keyType: keyType, keyARN: keyARN)
    }

    /// Tags as the request lists them (Key required, Value optional), later duplicates replacing earlier ones.
    func tagList(_ tags: [Document]?) throws -> [DeliveryStreamDescriptor.Tag] {
        var result: [DeliveryStreamDescriptor.Tag] = []
        for tag in tags ?? [] {
            guard let key = try tag.string("Key") else { continue }
            let value = try tag.string("Value")
            result.removeAll { $0.key == key }
            result.append(.init(key: key, value: value))
        }
        return result
    }
}
