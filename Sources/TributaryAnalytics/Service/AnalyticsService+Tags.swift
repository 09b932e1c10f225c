import TributaryWire

/// TagResource, UntagResource and ListTagsForResource, addressed by the application's ARN.
extension AnalyticsService {
    func tagResource(_ request: Document) throws -> Document {
        let name = try applicationName(fromARN: request.string("ResourceARN") ?? "")
        let tags = try tagList(request.array("Tags"))
        let updated: Void? = try catalog.update(name) { application in
            var merged = application.tags
            for tag in tags {
                merged.removeAll { $0.key == tag.key }
                merged.append(tag)
            }
            guard merged.count <= AnalyticsLimits.tagsMax else { throw tooManyTags() }
            application.tags = merged
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    func untagResource(_ request: Document) throws -> Document {
        let name = try applicationName(fromARN: request.string("ResourceARN") ?? "")
        let keys = Set(try request.stringList("TagKeys") ?? [])
        let updated: Void? = try catalog.update(name) { application in
            application.tags.removeAll { keys.contains($0.key) }
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    func listTagsForResource(_ request: Document) throws -> Document {
        let application = try existingApplication(
            try applicationName(fromARN: request.string("ResourceARN") ?? ""))
        return .object(["Tags": ApplicationDetailDocument.tags(application.tags)])
    }

    /// The application an ARN of this region and account names (the model has checked its form already).
    func applicationName(fromARN text: String) throws -> String {
        guard let arn = ARN(parsing: text), arn.service == "kinesisanalytics", arn.resource.hasPrefix("application/")
        else { throw AnalyticsError.invalidArgument("Invalid ResourceARN \(text).") }
        let name = String(arn.resource.dropFirst("application/".count))
        guard arn.region == configuration.region, arn.account == configuration.accountId else { throw notFound(name) }
        return name
    }
}
