import TributaryWire

/// DescribeDeliveryStream and ListDeliveryStreams.
extension FirehoseService {
    func describeDeliveryStream(_ request: Document) throws -> Document {
        let stream = try existingStream(try request.string("DeliveryStreamName") ?? "")
        var description: [String: Document] = [
            "DeliveryStreamName": .string(stream.name),
            "DeliveryStreamARN": .string(arn(stream.name)),
            "DeliveryStreamStatus": .string(stream.status.rawValue),
            "DeliveryStreamType": .string(stream.type),
            "VersionId": .string(String(stream.versionId)),
            "CreateTimestamp": .timestamp(Double(stream.createdAtMs) / 1000),
            "Destinations": .array(try stream.destinations.map(DestinationDescription.document)),
            "HasMoreDestinations": .bool(false),
        ]
        if let updated = stream.lastUpdatedAtMs {
            description["LastUpdateTimestamp"] = .timestamp(Double(updated) / 1000)
        }
        var encryption: [String: Document] = ["Status": .string(stream.encryption.status)]
        encryption["KeyType"] = stream.encryption.keyType.map(Document.string)
        encryption["KeyARN"] = stream.encryption.keyARN.map(Document.string)
        description["DeliveryStreamEncryptionConfiguration"] = .object(encryption)
        if let source = stream.kinesisSource {
            description["Source"] = .object(["KinesisStreamSourceDescription": .object([
                "KinesisStreamARN": .string(source.streamARN),
                "RoleARN": .string(source.roleARN),
                "DeliveryStartTimestamp": .timestamp(Double(source.deliveryStartMs) / 1000),
            ])])
        }
        return .object(["DeliveryStreamDescription": .object(description)])
    }

    func listDeliveryStreams(_ request: Document) throws -> Document {
        let limit = Int(try request.integer("Limit") ?? Int64(FirehoseLimits.listDefault))
        let type = try request.string("DeliveryStreamType")
        let start = try request.string("ExclusiveStartDeliveryStreamName")
        let matching = catalog.allStreams().filter { stream in
            (type == nil || stream.type == type) && (start == nil || stream.name > start!)
        }
        return .object([
            "DeliveryStreamNames": .array(matching.prefix(limit).map { .string($0.name) }),
            "HasMoreDeliveryStreams": .bool(matching.count > limit),
        ])
    }
}
