import TributaryWire

/// DescribeImageGenerationConfiguration and UpdateImageGenerationConfiguration.
extension VideoService {
    /// The stream's configuration; an empty answer when it has none.
    func describeImageGenerationConfiguration(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        guard let configuration = stream.imageGeneration else { return .object([:]) }
        return .object(["ImageGenerationConfiguration": configuration.document])
    }

    /// Sets the configuration, or clears it when the request has none. Images are made from stored media, so a
    /// stream that keeps none (retention 0) is NoDataRetentionException.
    func updateImageGenerationConfiguration(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        let configuration = try request.object("ImageGenerationConfiguration")
            .map(VideoImageGenerationConfiguration.init(document:))
        try change(stream) { current in
            try Self.requireActive(current)
            if configuration != nil { try Self.requireDataRetention(current) }
            current.imageGeneration = configuration
        }
        return .object([:])
    }

    /// NoDataRetentionException for a stream whose DataRetentionInHours is 0.
    static func requireDataRetention(_ stream: VideoStreamDescriptor) throws {
        guard stream.dataRetentionInHours > 0 else {
            throw VideoError.noDataRetention("The data retention of stream \(stream.name) is 0 hours.")
        }
    }
}
