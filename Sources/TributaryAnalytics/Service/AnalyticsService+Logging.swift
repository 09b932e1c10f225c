import TributaryWire

/// AddApplicationCloudWatchLoggingOption and DeleteApplicationCloudWatchLoggingOption: kept and described (no
/// CloudWatch runs here).
extension AnalyticsService {
    func addCloudWatchLoggingOption(_ request: Document) throws -> Document {
        let option = try ConfigurationDocuments.loggingOption(
            try request.object("CloudWatchLoggingOption") ?? .object([:]), id: "")
        return try modify(request) { application in
            if application.cloudWatchLoggingOptions.contains(where: { $0.logStreamARN == option.logStreamARN }) {
                throw AnalyticsError.invalidArgument(
                    "Log stream \(option.logStreamARN) is already a logging option of application \(application.name).")
            }
            var numbered = option
            numbered.id = ConfigurationDocuments.id(application.nextIds.logging)
            application.cloudWatchLoggingOptions.append(numbered)
            application.nextIds.logging += 1
        }
    }

    func deleteCloudWatchLoggingOption(_ request: Document) throws -> Document {
        let optionId = try request.string("CloudWatchLoggingOptionId") ?? ""
        return try modify(request) { application in
            guard let index = application.cloudWatchLoggingOptions.firstIndex(where: { $0.id == optionId }) else {
                throw AnalyticsError.resourceNotFound(
                    "CloudWatch logging option id \(optionId) is not found in application \(application.name).")
            }
            application.cloudWatchLoggingOptions.remove(at: index)
        }
    }
}
