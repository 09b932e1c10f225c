import TributaryWire

/// The descriptor as AWS's documents show it.
extension VideoStreamDescriptor {
    /// `StreamInfo`, as DescribeStream and ListStreams answer it; absent members (DeviceName, MediaType) are left out.
    var streamInfo: Document {
        var members: [String: Document] = [
            "StreamName": .string(name),
            "StreamARN": .string(arn),
            "KmsKeyId": .string(kmsKeyId),
            "Version": .string(version),
            "Status": .string(status),
            "CreationTime": .timestamp(creationTime),
            "DataRetentionInHours": .integer(Int64(dataRetentionInHours)),
        ]
        if let deviceName { members["DeviceName"] = .string(deviceName) }
        if let mediaType { members["MediaType"] = .string(mediaType) }
        return .object(members)
    }

    /// The tags as ListTagsForStream and ListTagsForResource answer them (an empty map when there are none).
    var tagsDocument: Document {
        .object(tags.mapValues { .string($0) })
    }
}
