import TributaryWire

/// Finding the stream a request names, by StreamName or StreamARN, with AWS's messages when it does not exist.
extension KinesisService {
    static let streamNamePattern = ConstraintPattern("[a-zA-Z0-9_.-]+")
    static let streamARNPattern = ConstraintPattern("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+")
    static let shardIdPattern = ConstraintPattern("[a-zA-Z0-9_.-]+")

    /// Reads and validates StreamName and StreamARN; returns the stream name they designate (nil when neither given).
    func streamNameMember(_ request: Document, _ validation: inout Validation) throws -> String? {
        let name = try request.string("StreamName")
        let arn = try request.string("StreamARN")
        if let name {
            validation.length(name, at: "streamName", min: 1, max: 128)
            validation.pattern(name, at: "streamName", pattern: Self.streamNamePattern)
        }
        if let arn {
            validation.length(arn, at: "streamARN", min: 1, max: 2048)
            validation.pattern(arn, at: "streamARN", pattern: Self.streamARNPattern)
        }
        guard validation.isEmpty else { return nil }
        if let arn {
            let fromARN = try streamName(fromARN: arn)
            if let name, name != fromARN {
                throw StreamsError.invalidArgument("StreamARN \(arn) and StreamName \(name) do not refer to the same stream.")
            }
            return fromARN
        }
        return name
    }

    /// A ShardId-shaped member (`ShardId`, `ShardToSplit`, `ExclusiveStartShardId`...), checked against the model's
    /// length and pattern; `path` is the member's name as AWS writes it in validation messages.
    func shardIdMember(_ request: Document, _ key: String, at path: String, required: Bool,
                       _ validation: inout Validation) throws -> String? {
        let value = try request.string(key)
        if required { _ = validation.required(value, at: path) }
        validation.length(value, at: path, min: 1, max: 128)
        validation.pattern(value, at: path, pattern: Self.shardIdPattern)
        return value
    }

    /// Like `streamNameMember` but the stream must be named one way or the other.
    func requiredStreamName(_ request: Document, _ validation: inout Validation) throws -> String {
        let name = try streamNameMember(request, &validation)
        try validation.check()
        guard let name else {
            throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.")
        }
        return name
    }

    func streamName(fromARN text: String) throws -> String {
        guard let arn = ARN(parsing: text), arn.service == "kinesis", arn.resource.hasPrefix("stream/") else {
            throw StreamsError.invalidArgument("Invalid StreamARN \(text).")
        }
        let name = String(arn.resource.dropFirst("stream/".count))
        guard arn.account == configuration.accountId, arn.region == configuration.region else {
            throw notFound(name)
        }
        guard !name.isEmpty, name.count <= 128, Self.streamNamePattern.matches(name) else {
            throw StreamsError.invalidArgument("Invalid StreamARN \(text).")
        }
        return name
    }

    func streamARN(_ name: String) -> String {
        ARN(service: "kinesis", region: configuration.region, account: configuration.accountId,
            resource: "stream/\(name)").description
    }

    func notFound(_ name: String) -> StreamsError {
        .resourceNotFound("Stream \(name) under account \(configuration.accountId) not found.")
    }

    func shardNotFound(_ shardId: String, _ stream: String) -> StreamsError {
        .resourceNotFound("Shard \(shardId) in stream \(stream) under account \(configuration.accountId) does not exist")
    }

    /// The stream, whatever its status.
    func existingStream(_ name: String) throws -> StreamDescriptor {
        guard let stream = catalog.stream(named: name) else { throw notFound(name) }
        return stream
    }

    /// The stream, which must be serving data (ACTIVE or UPDATING); CREATING and DELETING streams are not found,
    /// as AWS answers for data-plane calls.
    func servingStream(_ name: String) throws -> StreamDescriptor {
        guard let stream = catalog.stream(named: name), stream.status.isServingData else { throw notFound(name) }
        return stream
    }

    /// Applies a change to an ACTIVE stream; other states get ResourceInUseException as on AWS.
    func updateActiveStream<Result>(_ name: String, _ body: (inout StreamDescriptor) throws -> Result) throws -> Result {
        do {
            return try catalog.update(name) { stream in
                guard stream.status == .active else {
                    throw StreamsError.resourceInUse(
                        "Stream \(name) under account \(configuration.accountId) not ACTIVE, instead in state \(stream.status.rawValue)")
                }
                return try body(&stream)
            }
        } catch StreamCatalog.CatalogError.missing {
            throw notFound(name)
        }
    }
}
