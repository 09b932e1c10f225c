import Foundation

/// Writes a delivery stream's objects: renders prefixes, names objects as AWS does, compresses them, and retries the
/// object store within the S3 window.
struct ObjectWriter: Sendable {
    let service: FirehoseService
    let stream: DeliveryStreamDescriptor

    /// The prefix an object goes under: the configured Prefix rendered for its oldest record and partition keys, or
    /// AWS's `YYYY/MM/DD/HH/` when empty.
    func renderPrefix(_ target: DestinationSettings.S3Target, arrivalMs: Int64, keys: PartitionKeys) throws -> String {
        try render(target.prefix, arrivalMs: arrivalMs, errorOutputType: nil, query: keys.query, lambda: keys.lambda,
                   timeZone: target.timeZone)
    }

    /// Writes records as one object under the target's prefix (for backups, no partition keys).
    func write(_ records: [[UInt8]], to target: DestinationSettings.S3Target, arrivalMs: Int64) async throws {
        let prefix = try render(target.prefix, arrivalMs: arrivalMs, errorOutputType: nil, query: [:], lambda: [:],
                                timeZone: target.timeZone)
        _ = try await writeObject(records, renderedPrefix: prefix, to: target, arrivalMs: arrivalMs)
    }

    /// Writes failed records, one JSON line each, under the error output prefix for `type`.
    func writeErrors(_ failures: [FailedRecord], type: ErrorOutputType, to target: DestinationSettings.S3Target)
        async throws {
        guard let first = failures.first else { return }
        let endingMs = FirehoseClock.nowMs()
        var body: [UInt8] = []
        for failure in failures {
            body += failure.line(attemptEndingMs: endingMs)
            body.append(10)
        }
        let prefix: String
        if let errorPrefix = target.errorOutputPrefix, !errorPrefix.isEmpty {
            prefix = try render(errorPrefix, arrivalMs: first.arrivalMs, errorOutputType: type.rawValue, query: [:],
                                lambda: [:], timeZone: target.timeZone)
        } else {
            prefix = ObjectNamer.defaultErrorPrefix(prefix: target.prefix, errorOutputType: type,
                                                    arrival: date(first.arrivalMs), timeZone: target.timeZone)
        }
        let key = objectKey(prefix: prefix, arrivalMs: first.arrivalMs, suffix: "", timeZone: target.timeZone)
        try await put(bucket: target.bucket, key: key, body: body)
        service.metrics.errorRecords(stream: stream.name, count: failures.count)
    }

    /// Concatenates, compresses and puts one object; false when the S3 window ran out (the batch is then lost, as
    /// on AWS, and the loss is logged).
    @discardableResult
    func writeObject(_ records: [[UInt8]], renderedPrefix: String, to target: DestinationSettings.S3Target,
                     arrivalMs: Int64) async throws -> Bool {
        var body: [UInt8] = []
        body.reserveCapacity(records.reduce(0) { $0 + $1.count })
        for record in records { body += record }
        let suffix = target.fileExtension ?? target.compression.objectNameSuffix
        let key = objectKey(prefix: renderedPrefix, arrivalMs: arrivalMs, suffix: suffix, timeZone: target.timeZone)
        let entryName = String(key.split(separator: "/").last ?? "")
        let compressed = try target.compression.compress(body, entryName: entryName.hasSuffix(".zip")
            ? String(entryName.dropLast(4)) : entryName)
        do {
            try await put(bucket: target.bucket, key: key, body: compressed)
            return true
        } catch let exhausted as RetryWindow.Exhausted {
            service.logger.error("S3 delivery gave up after its retry window; the batch is dropped", metadata: [
                "deliveryStream": "\(stream.name)", "bucket": "\(target.bucket)", "key": "\(key)",
                "attempts": "\(exhausted.attempts)", "error": "\(exhausted.lastError)",
            ])
            return false
        }
    }

    private func put(bucket: String, key: String, body: [UInt8]) async throws {
        let window = RetryWindow(windowMs: Int64(service.configuration.s3RetryWindowSeconds) * 1000)
        _ = try await window.run { try await service.objects.put(bucket: bucket, key: key, body: body) }
    }

    private func render(_ template: String, arrivalMs: Int64, errorOutputType: String?, query: [String: String],
                        lambda: [String: String], timeZone: TimeZone?) throws -> String {
        if template.isEmpty { return ObjectNamer.defaultPrefix(arrival: date(arrivalMs), timeZone: timeZone) }
        let parsed = try S3PrefixTemplate(parsing: template, field: errorOutputType == nil ? .prefix : .errorOutputPrefix)
        var generator = SystemRandomNumberGenerator()
        return try parsed.render(arrival: date(arrivalMs), random: &generator,
                                 errorOutputType: errorOutputType.flatMap(ErrorOutputType.init(rawValue:)),
                                 partitionKeysFromQuery: query, partitionKeysFromLambda: lambda, timeZone: timeZone)
    }

    private func objectKey(prefix: String, arrivalMs: Int64, suffix: String, timeZone: TimeZone?) -> String {
        var generator = SystemRandomNumberGenerator()
        return ObjectNamer.objectKey(prefix: prefix, deliveryStreamName: stream.name, version: stream.versionId,
                                     arrival: date(arrivalMs), suffix: suffix, timeZone: timeZone, random: &generator)
    }

    private func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
}
