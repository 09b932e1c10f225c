import TributaryWire

extension VideoService {
    /// GetMedia (kinesis-video-media): the stream's fragments from the StartSelector on, following new ones live.
    /// Errors (unknown stream, bad selector) are thrown before any byte of the answer is sent.
    public func getMedia(_ request: Document) throws -> any MediaChunkSource {
        try Self.validate(request, operation: "GetMedia", model: VideoMediaShapes.model)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        guard let selectorDocument = try request.object("StartSelector") else {
            throw VideoError.invalidArgument("StartSelector must be specified")
        }
        let selector = try StartSelector(selectorDocument)
        let cursor = try selector.cursor(in: fragments.fragments(stream: stream.storageKey))
        return LiveMediaReader(fragments: fragments, streamKey: stream.storageKey, after: cursor)
    }
}
