import TributaryWire

/// Enhanced fan-out consumers: Register/Describe/List/DeregisterStreamConsumer, with AWS's ARNs, states and limit.
extension KinesisService {
    static let consumerNamePattern = ConstraintPattern("[a-zA-Z0-9_.-]+")
    static let consumerARNPattern = ConstraintPattern(
        "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+")

    func registerStreamConsumer(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = streamARNMember(request, &validation, required: true)
        let consumerName = validation.required(try request.string("ConsumerName"), at: "consumerName")
        validation.length(consumerName, at: "consumerName", min: 1, max: 128)
        validation.pattern(consumerName, at: "consumerName", pattern: Self.consumerNamePattern)
        let tags = try request.stringMap("Tags")
        validation.count(tags?.count, at: "tags", min: 1, max: 200, renderedValue: nil)
        try validation.check()
        guard let arn, let consumerName else { return .object([:]) }
        let name = try streamName(fromARN: arn)
        let nowMs = WallClock.nowMs()
        let deadline = nowMs + Int64(configuration.stateDelayMs)
        let consumer = ConsumerDescriptor(name: consumerName, creationSeconds: nowMs / 1000, statusDeadlineMs: deadline,
                                          tags: tags ?? [:])
        let incarnation = try mutateStream(name) { stream in
            guard stream.status.isServingData else { throw notFound(name) }
            if stream.consumers.contains(where: { $0.name == consumerName }) {
                throw StreamsError.resourceInUse(
                    "Consumer \(consumerName) under stream \(name) already exists for account \(configuration.accountId).")
            }
            if stream.consumers.count >= StreamsLimits.consumersPerStreamMax {
                throw StreamsError.limitExceeded(
                    "Consumer limit of \(StreamsLimits.consumersPerStreamMax) has been reached for stream \(name) under account \(configuration.accountId).")
            }
            if let tags { try validateTags(tags, streamName: name, existing: [:]) }
            stream.consumers.append(consumer)
            return stream.incarnation
        }
        scheduleConsumerTransition(stream: name, incarnation: incarnation, consumer: consumerName, deadlineMs: deadline)
        guard let stream = catalog.stream(named: name) else { throw notFound(name) }
        return .object(["Consumer": consumerDocument(consumer, stream: stream, includeStreamARN: false)])
    }

    func describeStreamConsumer(_ request: Document) throws -> Document {
        let (stream, consumer) = try consumerMember(request)
        return .object(["ConsumerDescription": consumerDocument(consumer, stream: stream, includeStreamARN: true)])
    }

    func listStreamConsumers(_ request: Document) throws -> Document {
        var validation = Validation()
        let arn = streamARNMember(request, &validation, required: true)
        let nextToken = try request.string("NextToken")
        validation.length(nextToken, at: "nextToken", min: 1, max: 1_048_576)
        let maxResults = try request.integer("MaxResults")
        validation.range(maxResults, at: "maxResults", min: 1, max: 10_000)
        _ = try request.timestamp("StreamCreationTimestamp")
        try validation.check()
        guard let arn else { return .object([:]) }
        let stream = try existingStream(try streamName(fromARN: arn))
        var consumers = stream.consumers.sorted { $0.name < $1.name }
        if let nextToken {
            let token = try PageToken.decode(nextToken, kind: .listConsumers, nowMs: WallClock.nowMs())
            guard token.scope == stream.name else { throw StreamsError.invalidArgument("Invalid NextToken.") }
            consumers = consumers.filter { $0.name > token.position }
        }
        let page = consumers.prefix(Int(maxResults ?? 100))
        var answer: [String: Document] = [
            "Consumers": .array(page.map { consumerDocument($0, stream: stream, includeStreamARN: false) }),
        ]
        if consumers.count > page.count, let last = page.last {
            answer["NextToken"] = .string(PageToken(kind: .listConsumers, scope: stream.name, position: last.name,
                                                    issuedAtMs: WallClock.nowMs()).encoded())
        }
        return .object(answer)
    }

    func deregisterStreamConsumer(_ request: Document) throws -> Document {
        let (stream, consumer) = try consumerMember(request)
        let deadline = WallClock.nowMs() + Int64(configuration.stateDelayMs)
        try mutateStream(stream.name) { current in
            guard let position = current.consumers.firstIndex(where: { $0.name == consumer.name }) else {
                throw consumerNotFound(consumer.name, stream: stream.name)
            }
            current.consumers[position].status = .deleting
            current.consumers[position].statusDeadlineMs = deadline
        }
        scheduleConsumerTransition(stream: stream.name, incarnation: stream.incarnation, consumer: consumer.name,
                                   deadlineMs: deadline)
        return .object([:])
    }

    /// The consumer a request names, by ConsumerARN or by StreamARN plus ConsumerName.
    func consumerMember(_ request: Document) throws -> (StreamDescriptor, ConsumerDescriptor) {
        var validation = Validation()
        let consumerARN = try request.string("ConsumerARN")
        validation.length(consumerARN, at: "consumerARN", min: 1, max: 2048)
        validation.pattern(consumerARN, at: "consumerARN", pattern: Self.consumerARNPattern)
        let streamARN = streamARNMember(request, &validation, required: false)
        let consumerName = try request.string("ConsumerName")
        validation.length(consumerName, at: "consumerName", min: 1, max: 128)
        validation.pattern(consumerName, at: "consumerName", pattern: Self.consumerNamePattern)
        try validation.check()
        if let consumerARN {
            return try consumer(arn: consumerARN)
        }
        guard let streamARN, let consumerName else {
            throw StreamsError.invalidArgument("Either ConsumerARN or both ConsumerName and StreamARN must be provided.")
        }
        let stream = try existingStream(try streamName(fromARN: streamARN))
        guard let consumer = stream.consumers.first(where: { $0.name == consumerName }) else {
            throw consumerNotFound(consumerName, stream: stream.name)
        }
        return (stream, consumer)
    }

    /// Resolves a consumer ARN; the creation number must match, so an ARN of a re-registered consumer is refused.
    func consumer(arn text: String) throws -> (StreamDescriptor, ConsumerDescriptor) {
        guard let arn = ARN(parsing: text), arn.resource.hasPrefix("stream/") else {
            throw StreamsError.invalidArgument("Invalid ConsumerARN \(text).")
        }
        let parts = arn.resource.dropFirst("stream/".count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "consumer", let colon = parts[2].lastIndex(of: ":"),
              let seconds = Int64(parts[2][parts[2].index(after: colon)...])
        else { throw StreamsError.invalidArgument("Invalid ConsumerARN \(text).") }
        let streamName = String(parts[0]), consumerName = String(parts[2][..<colon])
        guard arn.account == configuration.accountId, let stream = catalog.stream(named: streamName),
              let consumer = stream.consumers.first(where: { $0.name == consumerName && $0.creationSeconds == seconds })
        else { throw consumerNotFound(consumerName, stream: streamName) }
        return (stream, consumer)
    }

    func consumerARN(_ consumer: ConsumerDescriptor, stream: String) -> String {
        ARN(service: "kinesis", region: configuration.region, account: configuration.accountId,
            resource: "stream/\(stream)/consumer/\(consumer.name):\(consumer.creationSeconds)").description
    }

    private func consumerDocument(_ consumer: ConsumerDescriptor, stream: StreamDescriptor, includeStreamARN: Bool) -> Document {
        var document: [String: Document] = [
            "ConsumerName": .string(consumer.name),
            "ConsumerARN": .string(consumerARN(consumer, stream: stream.name)),
            "ConsumerStatus": .string(consumer.status.rawValue),
            "ConsumerCreationTimestamp": .timestamp(Double(consumer.creationSeconds)),
        ]
        if includeStreamARN { document["StreamARN"] = .string(streamARN(stream.name)) }
        return .object(document)
    }

    private func consumerNotFound(_ consumer: String, stream: String) -> StreamsError {
        .resourceNotFound("Consumer \(consumer) under stream \(stream) not found for account \(configuration.accountId).")
    }

    private func streamARNMember(_ request: Document, _ validation: inout Validation, required: Bool) -> String? {
        let arn = (try? request.string("StreamARN")) ?? nil
        if required { _ = validation.required(arn, at: "streamARN") }
        validation.length(arn, at: "streamARN", min: 1, max: 2048)
        validation.pattern(arn, at: "streamARN", pattern: Self.streamARNPattern)
        return arn
    }

    /// CREATING consumers become ACTIVE and DELETING ones disappear when their delay ends.
    func scheduleConsumerTransition(stream name: String, incarnation: Int64, consumer: String, deadlineMs: Int64?) {
        let delayMs = max(0, (deadlineMs ?? 0) - WallClock.nowMs())
        Task { [self] in
            if delayMs > 0 { try? await Task.sleep(for: .milliseconds(delayMs)) }
            do {
                try catalog.update(name) { stream in
                    guard stream.incarnation == incarnation,
                          let position = stream.consumers.firstIndex(where: { $0.name == consumer }) else { return }
                    switch stream.consumers[position].status {
                    case .creating:
                        stream.consumers[position].status = .active
                        stream.consumers[position].statusDeadlineMs = nil
                    case .deleting:
                        try metadata.delete(namespace: Self.policyNamespace,
                                            key: consumerARN(stream.consumers[position], stream: stream.name))
                        stream.consumers.remove(at: position)
                    case .active:
                        break
                    }
                }
            } catch {
                logger.debug("consumer transition skipped", metadata: ["consumer": "\(consumer)", "error": "\(error)"])
            }
        }
    }

    /// Changes a stream in any state but DELETING; a missing stream is ResourceNotFoundException.
    @discardableResult
    func mutateStream<Result>(_ name: String, _ body: (inout StreamDescriptor) throws -> Result) throws -> Result {
        do {
            return try catalog.update(name) { stream in
                guard stream.status != .deleting else { throw notFound(name) }
                return try body(&stream)
            }
        } catch StreamCatalog.CatalogError.missing {
            throw notFound(name)
        }
    }
}
