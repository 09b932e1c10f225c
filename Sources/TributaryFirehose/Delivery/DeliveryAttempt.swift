import Foundation

/// Delivers one batch to the stream's destination: processing, grouping by prefix, compression, object names,
/// retries, error output and backups. Returns only once everything the batch owes is written somewhere (or, for
/// S3, once its retry window is exhausted and the loss is logged, as AWS drops it then).
struct DeliveryAttempt: Sendable {
    let service: FirehoseService
    let stream: DeliveryStreamDescriptor
    let settings: DestinationSettings

    func deliver(_ batch: [BufferedRecord]) async throws {
        guard !batch.isEmpty else { return }
        let processor = BatchProcessor(
            processors: settings.processors,
            lambda: service.configuration.transform.map { LambdaInvoker(endpoint: $0, transport: service.transport) },
            deliveryStreamARN: service.arn(stream.name), sourceStreamARN: stream.kinesisSource?.streamARN,
            region: service.configuration.region)
        let outcome = await processor.process(batch)
        let writer = ObjectWriter(service: service, stream: stream)
        if let backup = settings.sourceBackup {
            try await writer.write(batch.map(\.data), to: backup, arrivalMs: batch[0].arrivalMs)
        }
        switch settings.kind {
        case .extendedS3, .s3:
            try await deliverToS3(outcome.records, writer: writer)
        case .httpEndpoint:
            try await deliverToHTTPEndpoint(outcome.records, original: batch, writer: writer)
        }
        if !outcome.failures.isEmpty {
            try await writer.writeErrors(outcome.failures, type: .processingFailed, to: settings.s3)
        }
        service.metrics.processed(stream: stream.name, failed: outcome.failures.count)
    }

    /// One object per distinct set of partition keys (several only with dynamic partitioning); each object's prefix
    /// is rendered once, for its oldest record, as AWS evaluates prefixes per object.
    private func deliverToS3(_ records: [ProcessedRecord], writer: ObjectWriter) async throws {
        var groups: [PartitionKeys: [ProcessedRecord]] = [:]
        var order: [PartitionKeys] = []
        for record in records {
            let keys = PartitionKeys(query: record.partitionKeysFromQuery, lambda: record.partitionKeysFromLambda)
            if groups[keys] == nil { order.append(keys) }
            groups[keys, default: []].append(record)
        }
        var unpartitionable: [FailedRecord] = []
        for keys in order {
            let group = groups[keys] ?? []
            let oldestMs = group.map(\.arrivalMs).min() ?? FirehoseClock.nowMs()
            let prefix: String
            do {
                prefix = try writer.renderPrefix(settings.s3, arrivalMs: oldestMs, keys: keys)
            } catch {
                unpartitionable += group.map { record in
                    FailedRecord(rawData: record.data, arrivalMs: record.arrivalMs,
                                 errorCode: "DynamicPartitioning.MissingPartitionKey",
                                 errorMessage: (error as? NamingError)?.message ?? "\(error)", attemptsMade: 1)
                }
                continue
            }
            let delivered = try await writer.writeObject(group.map(\.data), renderedPrefix: prefix, to: settings.s3,
                                                         arrivalMs: oldestMs)
            service.metrics.deliveredToS3(stream: stream.name, records: delivered ? group.count : 0,
                                          bytes: group.reduce(0) { $0 + $1.data.count }, success: delivered,
                                          oldestArrivalMs: oldestMs)
        }
        if !unpartitionable.isEmpty {
            try await writer.writeErrors(unpartitionable, type: .processingFailed, to: settings.s3)
        }
    }

    private func deliverToHTTPEndpoint(_ records: [ProcessedRecord], original: [BufferedRecord],
                                       writer: ObjectWriter) async throws {
        guard let target = settings.http else { return }
        if target.backupAllData {
            try await writer.write(original.map(\.data), to: settings.s3, arrivalMs: original[0].arrivalMs)
        }
        guard !records.isEmpty else { return }
        let delivery = HTTPEndpointDelivery(target: target, sourceARN: service.arn(stream.name),
                                            transport: service.transport)
        let requestId = UUID().uuidString.lowercased()
        let payload = records.map(\.data)
        let bytes = payload.reduce(0) { $0 + $1.count }
        do {
            _ = try await RetryWindow(windowMs: Int64(target.retryDurationSeconds) * 1000).run {
                try await delivery.send(records: payload, requestId: requestId)
            }
            service.metrics.deliveredToHTTPEndpoint(stream: stream.name, records: records.count, bytes: bytes,
                                                    success: true, oldestArrivalMs: records.map(\.arrivalMs).min() ?? 0)
        } catch let exhausted as RetryWindow.Exhausted {
            service.metrics.deliveredToHTTPEndpoint(stream: stream.name, records: 0, bytes: 0, success: false,
                                                    oldestArrivalMs: records.map(\.arrivalMs).min() ?? 0)
            let rejected = exhausted.lastError as? HTTPEndpointDelivery.Rejected
            let failures = records.map { record in
                FailedRecord(rawData: record.data, arrivalMs: record.arrivalMs,
                             errorCode: rejected?.code ?? "HttpEndpoint.RequestFailed",
                             errorMessage: rejected?.description ?? "\(exhausted.lastError)",
                             attemptsMade: exhausted.attempts, httpEndpointName: target.name)
            }
            try await writer.writeErrors(failures, type: .httpEndpointFailed, to: settings.s3)
        }
    }
}
