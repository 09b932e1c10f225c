import TributaryWire

/// GetInApplicationStreamRecords, a Tributary extension of the API (AWS's console reads in-application streams
/// through an internal API): the newest rows of one in-application stream of a RUNNING application, for the web
/// console's SQL page. Each call keeps the stream recording for `AnalyticsLimits.tapWatchMs` more; a client polls
/// with AfterSequence set to the NextSequence it was given. See `InAppStreamTap` and docs/analytics.md.
extension AnalyticsService {
    func getInApplicationStreamRecords(_ request: Document) throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let streamName = try request.string("InAppStreamName") ?? ""
        let application = try existingApplication(name)
        // As StopApplication and the other operations that need a state: ResourceInUseException.
        guard application.status == .running else {
            throw AnalyticsError.resourceInUse(
                "Application \(name) is in \(application.status.rawValue) state; its in-application streams can be read only while it is RUNNING.")
        }
        let tap = InAppStreamNaming.candidates(streamName).lazy.compactMap { candidate in
            self.runner.inAppStreamTap(applicationName: name, streamName: candidate)
        }.first
        guard let tap else {
            throw AnalyticsError.resourceNotFound("In-application stream \(streamName) is not found in application \(name).")
        }
        return InAppStreamRecordsDocument.answer(tap.watch(after: try request.integer("AfterSequence")))
    }
}
