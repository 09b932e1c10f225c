import TributaryWire

/// DescribeApplication and ListApplications.
extension AnalyticsService {
    func describeApplication(_ request: Document) throws -> Document {
        let application = try existingApplication(try request.string("ApplicationName") ?? "")
        return .object(["ApplicationDetail": ApplicationDetailDocument.detail(application)])
    }

    /// Names in alphabetical order after ExclusiveStartApplicationName, `Limit` at a time.
    func listApplications(_ request: Document) throws -> Document {
        let limit = Int(try request.integer("Limit") ?? Int64(AnalyticsLimits.listDefault))
        let start = try request.string("ExclusiveStartApplicationName")
        let matching = catalog.allApplications().filter { start == nil || $0.name > start! }
        return .object([
            "ApplicationSummaries": .array(matching.prefix(limit).map(ApplicationDetailDocument.summary)),
            "HasMoreApplications": .bool(matching.count > limit),
        ])
    }
}
