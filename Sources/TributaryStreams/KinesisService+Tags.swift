import TributaryWire

/// Tags on streams, through both the stream-named calls and the ARN-named resource calls.
extension KinesisService {
    static let tagCharacters = ConstraintPattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@%]*")

    func addTagsToStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let tags = try tagMap(request, &validation)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        try addTags(tags ?? [:], to: name)
        return .object([:])
    }

    func tagResource(_ request: Document) throws -> Document {
        var validation = Validation()
        let target = try resourceTarget(request, &validation)
        let tags = try tagMap(request, &validation)
        try validation.check()
        switch target {
        case .stream(let name)?: try addTags(tags ?? [:], to: name)
        case .consumer(let name, let consumer)?:
            try mutateStream(name) { stream in
                guard let position = stream.consumers.firstIndex(where: { $0.name == consumer }) else { throw notFound(name) }
                try validateTags(tags ?? [:], streamName: name, existing: stream.consumers[position].tags)
                stream.consumers[position].tags.merge(tags ?? [:], uniquingKeysWith: { $1 })
            }
        case nil: break
        }
        return .object([:])
    }

    func removeTagsFromStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let keys = try tagKeys(request, &validation)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        try removeTags(keys ?? [], from: name)
        return .object([:])
    }

    func untagResource(_ request: Document) throws -> Document {
        var validation = Validation()
        let target = try resourceTarget(request, &validation)
        let keys = try tagKeys(request, &validation)
        try validation.check()
        switch target {
        case .stream(let name)?: try removeTags(keys ?? [], from: name)
        case .consumer(let name, let consumer)?:
            try mutateStream(name) { stream in
                guard let position = stream.consumers.firstIndex(where: { $0.name == consumer }) else { throw notFound(name) }
                for key in keys ?? [] { stream.consumers[position].tags.removeValue(forKey: key) }
            }
        case nil: break
        }
        return .object([:])
    }

    func listTagsForStream(_ request: Document) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let exclusiveStart = try request.string("ExclusiveStartTagKey")
        validation.length(exclusiveStart, at: "exclusiveStartTagKey", min: 1, max: 128)
        let limit = try request.integer("Limit")
        validation.range(limit, at: "limit", min: 1, max: 50)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        let stream = try existingStream(name)
        let sorted = stream.tags.sorted { $0.key < $1.key }.filter { exclusiveStart == nil || $0.key > exclusiveStart! }
        let page = sorted.prefix(Int(limit ?? Int64(StreamsLimits.listTagsLimitDefault)))
        return .object([
            "Tags": .array(page.map { tagDocument($0.key, $0.value) }),
            "HasMoreTags": .bool(sorted.count > page.count),
        ])
    }

    func listTagsForResource(_ request: Document) throws -> Document {
        var validation = Validation()
        let target = try resourceTarget(request, &validation)
        try validation.check()
        let tags: [String: String]
        switch target {
        case .stream(let name)?: tags = try existingStream(name).tags
        case .consumer(let name, let consumer)?:
            tags = try existingStream(name).consumers.first { $0.name == consumer }?.tags ?? [:]
        case nil: tags = [:]
        }
        return .object(["Tags": .array(tags.sorted { $0.key < $1.key }.map { tagDocument($0.key, $0.value) })])
    }

    /// Checks a tag set as AWS does: key and value lengths, allowed characters, and the per-stream count.
    func validateTags(_ tags: [String: String], streamName: String, existing: [String: String]) throws {
        var validation = Validation()
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            validation.length(key, at: "tags.key", min: 1, max: 128)
            validation.length(value, at: "tags.value", min: 0, max: 256)
        }
        try validation.check()
        if tags.contains(where: { !Self.tagCharacters.matches($0.key) || !Self.tagCharacters.matches($0.value) }) {
            throw StreamsError.invalidArgument(
                "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @ :.")
        }
        if existing.merging(tags, uniquingKeysWith: { $1 }).count > StreamsLimits.tagsPerStreamMax {
            throw StreamsError.invalidArgument(
                "Failed to add tags to stream \(streamName) under account \(configuration.accountId) because a given stream cannot have more than \(StreamsLimits.tagsPerStreamMax) tags associated with it.")
        }
    }

    private func addTags(_ tags: [String: String], to name: String) throws {
        try updateActiveStream(name) { stream in
            try validateTags(tags, streamName: name, existing: stream.tags)
            stream.tags.merge(tags, uniquingKeysWith: { $1 })
        }
    }

    private func removeTags(_ keys: [String], from name: String) throws {
        try updateActiveStream(name) { stream in
            for key in keys { stream.tags.removeValue(forKey: key) }
        }
    }

    private func tagMap(_ request: Document, _ validation: inout Validation) throws -> [String: String]? {
        let tags = validation.required(try request.stringMap("Tags"), at: "tags")
        validation.count(tags?.count, at: "tags", min: 1, max: 200, renderedValue: nil)
        return tags
    }

    private func tagKeys(_ request: Document, _ validation: inout Validation) throws -> [String]? {
        let keys = validation.required(try request.stringList("TagKeys"), at: "tagKeys")
        validation.count(keys?.count, at: "tagKeys", min: 1, max: 50, renderedValue: nil)
        for key in keys ?? [] { validation.length(key, at: "tagKeys.member", min: 1, max: 128) }
        return keys
    }

    /// What a ResourceARN names: a stream or one of its consumers.
    enum TagTarget {
        case stream(String)
        case consumer(stream: String, consumer: String)
    }

    private func resourceTarget(_ request: Document, _ validation: inout Validation) throws -> TagTarget? {
        let arn = validation.required(try request.string("ResourceARN"), at: "resourceARN")
        validation.length(arn, at: "resourceARN", min: 1, max: 2048)
        validation.pattern(arn, at: "resourceARN", pattern: Self.resourceARNPattern)
        guard validation.isEmpty, let arn else { return nil }
        if arn.contains("/consumer/") {
            let (stream, consumer) = try consumer(arn: arn)
            return .consumer(stream: stream.name, consumer: consumer.name)
        }
        return .stream(try streamName(fromARN: arn))
    }

    private func tagDocument(_ key: String, _ value: String) -> Document {
        .object(["Key": .string(key), "Value": .string(value)])
    }
}
