import TributaryWire

/// TagDeliveryStream, UntagDeliveryStream and ListTagsForDeliveryStream.
extension FirehoseService {
    func tagDeliveryStream(_ request: Document) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let tags = try tagList(request.array("Tags"))
        let updated: Void? = try catalog.update(name) { stream in
            var merged = stream.tags
            for tag in tags {
                merged.removeAll { $0.key == tag.key }
                merged.append(tag)
            }
            guard merged.count <= FirehoseLimits.tagsMax else {
                throw FirehoseError.limitExceeded(
                    "Firehose \(name) would exceed the limit of \(FirehoseLimits.tagsMax) tags.")
            }
            stream.tags = merged
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    func untagDeliveryStream(_ request: Document) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let keys = Set(try request.stringList("TagKeys") ?? [])
        let updated: Void? = try catalog.update(name) { stream in stream.tags.removeAll { keys.contains($0.key) } }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    func listTagsForDeliveryStream(_ request: Document) throws -> Document {
        let stream = try existingStream(try request.string("DeliveryStreamName") ?? "")
        let limit = Int(try request.integer("Limit") ?? 50)
        var tags = stream.tags
        if let start = try request.string("ExclusiveStartTagKey"), let index = tags.firstIndex(where: { $0.key == start }) {
            tags = Array(tags[(index + 1)...])
        }
        return .object([
            "Tags": .array(tags.prefix(limit).map { tag in
                var members: [String: Document] = ["Key": .string(tag.key)]
                members["Value"] = tag.value.map(Document.string)
                return .object(members)
            }),
            "HasMoreTags": .bool(tags.count > limit),
        ])
    }
}
