import TributaryWire

/// AddApplicationReferenceDataSource and DeleteApplicationReferenceDataSource.
extension AnalyticsService {
    func addReferenceDataSource(_ request: Document) throws -> Document {
        let source = try ConfigurationDocuments.referenceDataSource(
            try request.object("ReferenceDataSource") ?? .object([:]), id: "")
        return try modify(request) { application in
            guard application.referenceDataSources.count < AnalyticsLimits.referenceDataSourcesMax else {
                throw AnalyticsError.invalidArgument(
                    "Application \(application.name) already has a reference data source; an application can have at most \(AnalyticsLimits.referenceDataSourcesMax).")
            }
            var numbered = source
            numbered.id = ConfigurationDocuments.id(application.nextIds.reference)
            application.referenceDataSources.append(numbered)
            application.nextIds.reference += 1
        }
    }

    func deleteReferenceDataSource(_ request: Document) throws -> Document {
        let referenceId = try request.string("ReferenceId") ?? ""
        return try modify(request) { application in
            guard let index = application.referenceDataSources.firstIndex(where: { $0.id == referenceId }) else {
                throw AnalyticsError.resourceNotFound(
                    "Reference id \(referenceId) is not found in application \(application.name).")
            }
            application.referenceDataSources.remove(at: index)
        }
    }
}
