import TributaryWire

/// CreateStream: a new stream, CREATING until `run()` makes it ACTIVE after `stateDelayMs`.
extension VideoService {
    func createStream(_ request: Document) throws -> Document {
        let name = try request.string("StreamName") ?? ""
        let retentionHours = try request.integer("DataRetentionInHours") ?? 0
        guard retentionHours <= Int64(VideoLimits.dataRetentionHoursMax) else {
            throw VideoError.invalidArgument("DataRetentionInHours \(retentionHours) exceeds the maximum of "
                + "\(VideoLimits.dataRetentionHoursMax) hours.")
        }
        let nowMs = VideoClock.nowMs()
        let descriptor = VideoStreamDescriptor(
            name: name, arn: streamARN(name: name, creationMs: nowMs), lifecycle: .creating,
            version: VideoStreamVersion.next(), dataRetentionInHours: Int(retentionHours), creationMs: nowMs,
            mediaType: try request.string("MediaType"),
            kmsKeyId: try request.string("KmsKeyId") ?? defaultKmsKeyId,
            deviceName: try request.string("DeviceName"), tags: try request.stringMap("Tags") ?? [:],
            imageGeneration: nil, notification: nil,
            statusDeadlineMs: nowMs + Int64(configuration.stateDelayMs))
        try catalog.insert(descriptor) { existing in
            if existing.contains(where: { $0.name == name }) {
                throw VideoError.resourceInUse("The stream \(name) already exists.")
            }
            guard existing.count < VideoLimits.streamsMax else {
                throw VideoError.accountStreamLimitExceeded(
                    "The account has reached its limit of \(VideoLimits.streamsMax) streams.")
            }
        }
        return .object(["StreamARN": .string(descriptor.arn)])
    }

    /// The Kinesis Video-managed key used when CreateStream names none (`aws/kinesisvideo`).
    var defaultKmsKeyId: String {
        ARN(service: "kms", region: configuration.region, account: configuration.accountId,
            resource: "alias/aws/kinesisvideo").description
    }
}
