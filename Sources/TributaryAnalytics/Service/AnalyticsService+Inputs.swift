import TributaryWire

/// AddApplicationInput, AddApplicationInputProcessingConfiguration and DeleteApplicationInputProcessingConfiguration.
extension AnalyticsService {
    func addApplicationInput(_ request: Document) async throws -> Document {
        _ = try applicationNamed(in: request)
        let input = try ConfigurationDocuments.input(try request.object("Input") ?? .object([:]), id: "")
        try await checkSource(input, .configuring)
        return try modify(request, validatesCode: true) { application in
            guard application.inputs.count < AnalyticsLimits.inputsMax else {
                throw AnalyticsError.invalidArgument(
                    "Application \(application.name) already has an input; an application can have at most \(AnalyticsLimits.inputsMax).")
            }
            var numbered = input
            numbered.id = ConfigurationDocuments.id(application.nextIds.input)
            application.inputs.append(numbered)
            application.nextIds.input += 1
        }
    }

    func addInputProcessingConfiguration(_ request: Document) throws -> Document {
        let inputId = try request.string("InputId") ?? ""
        let processing = try ConfigurationDocuments.processing(
            try request.object("InputProcessingConfiguration") ?? .object([:]))
        return try modify(request) { application in
            let index = try inputIndex(inputId, in: application)
            guard application.inputs[index].processing == nil else {
                throw AnalyticsError.invalidArgument(
                    "Input \(inputId) of application \(application.name) already has an input processing configuration.")
            }
            application.inputs[index].processing = processing
        }
    }

    func deleteInputProcessingConfiguration(_ request: Document) throws -> Document {
        let inputId = try request.string("InputId") ?? ""
        return try modify(request) { application in
            let index = try inputIndex(inputId, in: application)
            guard application.inputs[index].processing != nil else {
                throw AnalyticsError.resourceNotFound(
                    "Input \(inputId) of application \(application.name) has no input processing configuration.")
            }
            application.inputs[index].processing = nil
        }
    }

    func inputIndex(_ id: String, in application: ApplicationDescriptor) throws -> Int {
        guard let index = application.inputs.firstIndex(where: { $0.id == id }) else {
            throw AnalyticsError.resourceNotFound("Input id \(id) is not found in application \(application.name).")
        }
        return index
    }
}
