import TributaryWire

/// UpdateDestination: merges an *Update member into the stored configuration (AWS keeps what the update leaves out),
/// checks the result as CreateDeliveryStream would, and bumps VersionId. Delivery picks the new settings up with
/// its next batch.
extension FirehoseService {
    func updateDestination(_ request: Document) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let currentVersion = try request.string("CurrentDeliveryStreamVersionId") ?? ""
        let destinationId = try request.string("DestinationId") ?? ""
        let given = try DestinationKind.allCases.compactMap { kind in try request.object(kind.updateMember).map { (kind, $0) } }
        for member in DestinationKind.unsupportedMembers.map({ $0.replacingOccurrences(of: "Configuration", with: "Update") })
        where request[member] != nil {
            throw FirehoseError.invalidArgument(
                "\(member) is not available on this server: deliver to ExtendedS3, S3 or HttpEndpoint destinations.")
        }
        guard given.count == 1, let (kind, update) = given.first else {
            throw FirehoseError.invalidArgument("Exactly one destination update must be specified.")
        }
        let updated: Void? = try catalog.update(name) { stream in
            guard String(stream.versionId) == currentVersion else {
                throw FirehoseError.concurrentModification(
                    "Cannot update firehose: \(name) since the current version id: \(stream.versionId) and specified version id: \(currentVersion) do not match")
            }
            guard let index = stream.destinations.firstIndex(where: { $0.destinationId == destinationId }) else {
                throw FirehoseError.invalidArgument("Destination Id \(destinationId) not found.")
            }
            let existing = stream.destinations[index]
            let renamed = Self.configurationMembers(of: update)
            let base: Document
            switch (existing.kind, kind) {
            case (let old, let new) where old == new:
                base = try JSONDocumentDecoder.decode(Array(existing.configurationJSON.utf8))
            case (.s3, .extendedS3), (.extendedS3, .s3):
                // S3 and extended S3 share their members, so switching keeps what both know.
                base = try JSONDocumentDecoder.decode(Array(existing.configurationJSON.utf8))
            default:
                base = .object([:])
            }
            let merged = Self.merge(base, renamed)
            try DestinationRules.validate(kind, configuration: merged)
            stream.destinations[index] = .init(
                destinationId: destinationId, kind: kind,
                configurationJSON: String(decoding: JSONDocumentEncoder.encode(merged), as: UTF8.self))
            stream.versionId += 1
            stream.lastUpdatedAtMs = FirehoseClock.nowMs()
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    /// An update's members under the names the configuration uses (S3BackupUpdate → S3BackupConfiguration,
    /// S3Update → S3Configuration).
    static func configurationMembers(of update: Document) -> Document {
        guard case .object(var members) = update else { return update }
        if let backup = members.removeValue(forKey: "S3BackupUpdate") { members["S3BackupConfiguration"] = backup }
        if let s3 = members.removeValue(forKey: "S3Update") { members["S3Configuration"] = s3 }
        return .object(members)
    }

    /// Objects merge member by member; anything else in `update` replaces what was there.
    static func merge(_ base: Document, _ update: Document) -> Document {
        guard case .object(var members) = base, case .object(let changes) = update else { return update }
        for (key, value) in changes {
            members[key] = members[key].map { merge($0, value) } ?? value
        }
        return .object(members)
    }
}
