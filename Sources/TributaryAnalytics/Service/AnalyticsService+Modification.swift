import TributaryWire

/// The rule every configuration change follows (UpdateApplication and the Add/Delete operations): the application
/// must be READY or RUNNING, CurrentApplicationVersionId must be its version, and the change bumps the version. A
/// RUNNING application goes through UPDATING and is restarted with the new configuration from where it stopped.
extension AnalyticsService {
    /// Applies `change` to the application named in the request; `change` may throw to refuse, and then nothing
    /// changes. With `validatesCode`, the changed application's code must still compile.
    func modify(_ request: Document, validatesCode: Bool = false,
                _ change: (inout ApplicationDescriptor) throws -> Void) throws -> Document {
        let name = try request.string("ApplicationName") ?? ""
        let version = try request.integer("CurrentApplicationVersionId") ?? 0
        let deadline = AnalyticsClock.nowMs() + Int64(configuration.stateDelayMs)
        let updated: Void? = try catalog.update(name) { application in
            guard application.status == .ready || application.status == .running else {
                throw wrongState(application, "updated")
            }
            try checkVersion(application, version)
            try change(&application)
            if validatesCode { try validateCode(application) }
            application.versionId += 1
            application.updatedAt = max(AnalyticsClock.nowMs(), application.updatedAt)
            if application.status == .running {
                application.status = .updating
                application.statusDeadlineMs = deadline
            }
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    /// ConcurrentModificationException unless `version` is the application's current version.
    func checkVersion(_ application: ApplicationDescriptor, _ version: Int64) throws {
        guard application.versionId == version else {
            throw AnalyticsError.concurrentModification(
                "Provided application version id (\(version)) does not match the current application version id (\(application.versionId)) for application \(application.name).")
        }
    }

    /// The application named in the request as it is now (ResourceNotFoundException first, as AWS answers), for
    /// checks that must run before `modify`: resources are checked outside the catalog's lock because Firehose is
    /// asked asynchronously.
    func applicationNamed(in request: Document) throws -> ApplicationDescriptor {
        try existingApplication(try request.string("ApplicationName") ?? "")
    }
}
