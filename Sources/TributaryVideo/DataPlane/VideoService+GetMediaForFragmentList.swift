import TributaryWire

extension VideoService {
    /// GetMediaForFragmentList (kinesis-video-archived-media): the listed fragments as Matroska chunks. Every number
    /// must name a retained fragment of the stream, or nothing is sent.
    public func getMediaForFragmentList(_ request: Document) throws -> any MediaChunkSource {
        try Self.validate(request, operation: "GetMediaForFragmentList", model: VideoArchivedMediaShapes.model)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        let texts = try request.stringList("Fragments") ?? []
        var numbers: [FragmentNumber] = []
        numbers.reserveCapacity(texts.count)
        for text in texts {
            guard let number = FragmentNumber(text), try fragments.fragment(number, stream: stream.storageKey) != nil
            else {
                throw VideoError.resourceNotFound("Fragment \(text) was not found in stream \(stream.name)")
            }
            numbers.append(number)
        }
        return FragmentListReader(fragments: fragments, streamKey: stream.storageKey, numbers: numbers)
    }
}
