import TributaryWire

/// CreateApplication: checks what the model cannot (one input, at most three outputs, sources and destinations
/// that exist, schemas, code that compiles), then persists the application as READY.
extension AnalyticsService {
    func createApplication(_ request: Document) async throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let inputDocuments = try request.array("Inputs") ?? []
        let outputDocuments = try request.array("Outputs") ?? []
        guard inputDocuments.count <= AnalyticsLimits.inputsMax else {
            throw AnalyticsError.invalidArgument(
                "An application can have at most \(AnalyticsLimits.inputsMax) input; \(inputDocuments.count) were given.")
        }
        guard outputDocuments.count <= AnalyticsLimits.outputsMax else {
            throw AnalyticsError.invalidArgument(
                "An application can have at most \(AnalyticsLimits.outputsMax) outputs; \(outputDocuments.count) were given.")
        }
        var counters = ApplicationDescriptor.IdCounters()
        var inputs: [ApplicationInput] = []
        for document in inputDocuments {
            inputs.append(try ConfigurationDocuments.input(document, id: ConfigurationDocuments.id(counters.input)))
            counters.input += 1
        }
        var outputs: [ApplicationOutput] = []
        for document in outputDocuments {
            outputs.append(try ConfigurationDocuments.output(document, id: ConfigurationDocuments.id(counters.output)))
            counters.output += 1
        }
        var logging: [CloudWatchLoggingOption] = []
        for document in try request.array("CloudWatchLoggingOptions") ?? [] {
            logging.append(try ConfigurationDocuments.loggingOption(document,
                                                                    id: ConfigurationDocuments.id(counters.logging)))
            counters.logging += 1
        }
        let tags = try tagList(request.array("Tags"))
        guard tags.count <= AnalyticsLimits.tagsMax else { throw tooManyTags() }
        for input in inputs { try await checkSource(input, .configuring) }
        for output in outputs { try await checkDestination(output, .configuring) }

        let nowMs = AnalyticsClock.nowMs()
        let descriptor = ApplicationDescriptor(
            name: name, arn: arn(name), status: .ready, versionId: 1, code: try request.string("ApplicationCode"),
            description: try request.string("ApplicationDescription"), createdAt: nowMs, updatedAt: nowMs,
            inputs: inputs, outputs: outputs, referenceDataSources: [], cloudWatchLoggingOptions: logging, tags: tags,
            incarnation: nowMs * 1000 + Int64.random(in: 0..<1000), statusDeadlineMs: nil, nextIds: counters)
        try validateCode(descriptor)
        try catalog.insert(descriptor) { existing in
            if existing.contains(where: { $0.name == name }) {
                throw AnalyticsError.resourceInUse("Application \(name) already exists")
            }
        }
        return .object(["ApplicationSummary": ApplicationDetailDocument.summary(descriptor)])
    }

    /// Compiles the code through the runner when there is any; CodeValidationException when it does not compile.
    func validateCode(_ application: ApplicationDescriptor) throws {
        guard let code = application.code, code.contains(where: { !$0.isWhitespace }) else { return }
        do {
            try runner.validate(application)
        } catch let error as AnalyticsError {
            throw error
        } catch {
            throw AnalyticsError.codeValidation(String(describing: error))
        }
    }

    /// Tags as the request lists them (Key required, Value optional), later duplicates replacing earlier ones.
    func tagList(_ tags: [Document]?) throws -> [ApplicationTag] {
        var result: [ApplicationTag] = []
        for tag in tags ?? [] {
            guard let key = try tag.string("Key") else { continue }
            result.removeAll { $0.key == key }
            result.append(ApplicationTag(key: key, value: try tag.string("Value")))
        }
        return result
    }

    func tooManyTags() -> AnalyticsError {
        .tooManyTags("Number of tags exceeds the limit of \(AnalyticsLimits.tagsMax) tags per application.")
    }
}
