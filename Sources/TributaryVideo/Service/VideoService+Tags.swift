import TributaryWire

/// TagStream, UntagStream and ListTagsForStream (by StreamName or StreamARN), and TagResource, UntagResource and
/// ListTagsForResource (by ResourceARN; signaling channels are not kept here, so only stream ARNs name anything).
/// Tags do not change a stream's version.
extension VideoService {
    func tagStream(_ request: Document) throws -> Document {
        let stream = try existingStream(request, malformedARN: .invalidResourceFormat)
        try addTags(try request.stringMap("Tags") ?? [:], to: stream)
        return .object([:])
    }

    func untagStream(_ request: Document) throws -> Document {
        let stream = try existingStream(request, malformedARN: .invalidResourceFormat)
        try removeTags(try request.stringList("TagKeyList") ?? [], from: stream)
        return .object([:])
    }

    /// All tags at once: a stream has at most 50, so there is never a NextToken to give (one given is ignored).
    func listTagsForStream(_ request: Document) throws -> Document {
        let stream = try existingStream(request, malformedARN: .invalidResourceFormat)
        return .object(["Tags": stream.tagsDocument])
    }

    func tagResource(_ request: Document) throws -> Document {
        let stream = try taggedResource(request)
        var tags: [String: String] = [:]
        for tag in try request.array("Tags") ?? [] {
            guard let key = try tag.string("Key") else { continue }
            tags[key] = try tag.string("Value") ?? ""
        }
        try addTags(tags, to: stream)
        return .object([:])
    }

    func untagResource(_ request: Document) throws -> Document {
        try removeTags(try request.stringList("TagKeyList") ?? [], from: try taggedResource(request))
        return .object([:])
    }

    func listTagsForResource(_ request: Document) throws -> Document {
        .object(["Tags": try taggedResource(request).tagsDocument])
    }

    /// The stream a ResourceARN names; any other resource (a signaling channel) is not found.
    private func taggedResource(_ request: Document) throws -> VideoStreamDescriptor {
        let arn = try request.string("ResourceARN") ?? ""
        guard let parsed = ARN(parsing: arn), Self.streamName(resource: parsed.resource) != nil else {
            throw VideoError.resourceNotFound("The resource \(arn) is not found.")
        }
        return try existingStream(arn: arn, malformedARN: .invalidArgument)
    }

    /// Merges tags (a key given again gets the new value); TagsPerResourceExceededLimitException past 50.
    private func addTags(_ tags: [String: String], to stream: VideoStreamDescriptor) throws {
        try change(stream) { current in
            let merged = current.tags.merging(tags) { $1 }
            guard merged.count <= VideoLimits.tagsMax else {
                throw VideoError.tagsPerResourceExceededLimit("The stream \(current.name) would have "
                    + "\(merged.count) tags; a stream can have at most \(VideoLimits.tagsMax).")
            }
            current.tags = merged
        }
    }

    private func removeTags(_ keys: [String], from stream: VideoStreamDescriptor) throws {
        try change(stream) { current in
            for key in keys { current.tags[key] = nil }
        }
    }
}
