import TributaryWire

/// AddApplicationOutput and DeleteApplicationOutput.
extension AnalyticsService {
    func addApplicationOutput(_ request: Document) async throws -> Document {
        _ = try applicationNamed(in: request)
        let output = try ConfigurationDocuments.output(try request.object("Output") ?? .object([:]), id: "")
        try await checkDestination(output, .configuring)
        return try modify(request) { application in
            guard application.outputs.count < AnalyticsLimits.outputsMax else {
                throw AnalyticsError.invalidArgument(
                    "Application \(application.name) already has \(application.outputs.count) outputs; an application can have at most \(AnalyticsLimits.outputsMax).")
            }
            var numbered = output
            numbered.id = ConfigurationDocuments.id(application.nextIds.output)
            application.outputs.append(numbered)
            application.nextIds.output += 1
        }
    }

    func deleteApplicationOutput(_ request: Document) throws -> Document {
        let outputId = try request.string("OutputId") ?? ""
        return try modify(request) { application in
            guard let index = application.outputs.firstIndex(where: { $0.id == outputId }) else {
                throw AnalyticsError.resourceNotFound(
                    "Output id \(outputId) is not found in application \(application.name).")
            }
            application.outputs.remove(at: index)
        }
    }
}
