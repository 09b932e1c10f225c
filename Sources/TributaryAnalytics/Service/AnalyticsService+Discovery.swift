import TributaryStreams
import TributaryWire

/// DiscoverInputSchema: samples about a hundred records of a data stream or a delivery stream (from the requested
/// starting position) or the lines of an S3 object, and infers the record format and columns through `SchemaDiscovery`.
extension AnalyticsService {
    func discoverInputSchema(_ request: Document) async throws -> Document {
        if try request.object("InputProcessingConfiguration") != nil {
            throw AnalyticsError.invalidArgument(
                "InputProcessingConfiguration is not available for DiscoverInputSchema on this server: no Lambda runs here.")
        }
        let records: [[UInt8]]
        if let s3 = try request.object("S3Configuration") {
            guard request["ResourceARN"] == nil else {
                throw AnalyticsError.invalidArgument("Provide either ResourceARN or S3Configuration, not both.")
            }
            records = try await objectSample(s3)
        } else if let resourceARN = try request.string("ResourceARN") {
            guard try request.string("RoleARN") != nil else {
                throw AnalyticsError.invalidArgument("RoleARN must be provided with ResourceARN.")
            }
            guard let position = try request.object("InputStartingPositionConfiguration")?
                .string("InputStartingPosition").flatMap(InputStartingPosition.init(rawValue:))
            else {
                throw AnalyticsError.invalidArgument(
                    "InputStartingPositionConfiguration must be provided with ResourceARN.")
            }
            switch ARN(parsing: resourceARN)?.service {
            case "kinesis": records = try await streamSample(resourceARN, position: position)
            case "firehose": records = try await deliveryStreamSample(resourceARN, position: position)
            default:
                throw AnalyticsError.invalidArgument(
                    "ResourceARN \(resourceARN) is not a Kinesis stream or Firehose delivery stream ARN.")
            }
        } else {
            throw AnalyticsError.invalidArgument("Either ResourceARN or S3Configuration must be provided.")
        }
        let discovered: DiscoveredSchema
        do throws(SchemaDiscoveryError) {
            discovered = try SchemaDiscovery.discover(records)
        } catch {
            throw AnalyticsError.unableToDetectSchema(error.message)
        }
        return .object([
            "InputSchema": SourceSchemaDocument.document(discovered.schema),
            "ParsedInputRecords": .array(discovered.parsedRows.map { row in
                .array(row.map { $0.map(Document.string) ?? .null })
            }),
            "ProcessedInputRecords": .array(discovered.processedRecords.map(Document.string)),
            "RawInputRecords": .array(discovered.rawRecords.map(Document.string)),
        ])
    }

    /// The object's non-empty lines, the first hundred.
    private func objectSample(_ s3: Document) async throws -> [[UInt8]] {
        guard let objects else {
            throw AnalyticsError.invalidArgument("No object store is configured on this server to read S3 objects from.")
        }
        let bytes = try await objects.read(bucketARN: try s3.string("BucketARN") ?? "",
                                           fileKey: try s3.string("FileKey") ?? "")
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { line in
            line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : Array(line)
        }
        return Array(lines.filter { !$0.isEmpty }.prefix(AnalyticsLimits.discoverySampleRecordsMax))
    }

    /// Up to a hundred records of the data stream, shard by shard, from `position` (LAST_STOPPED_POINT has no
    /// application to name a point, so it samples from the oldest record like TRIM_HORIZON). From NOW it waits a
    /// little for records to arrive.
    private func streamSample(_ arn: String, position: InputStartingPosition) async throws -> [[UInt8]] {
        let stream: (name: String, incarnation: Int64)
        do {
            stream = try kinesis.consumableStream(arn)
        } catch {
            throw AnalyticsError.invalidArgument("Stream \(arn) does not exist or is not active.")
        }
        let point: ShardStartingPoint = position == .now ? .latest : .trimHorizon
        var positions: [String: UInt64] = [:]
        for shard in try kinesis.consumableShards(stream: stream.name, incarnation: stream.incarnation) {
            positions[shard.shardId] = try kinesis.startingPosition(
                stream: stream.name, incarnation: stream.incarnation, shardId: shard.shardId, point)
        }
        var records: [[UInt8]] = []
        let deadline = AnalyticsClock.nowMs() + Int64(position == .now ? AnalyticsLimits.discoveryWaitMs : 0)
        repeat {
            for shardId in positions.keys.sorted() {
                let wanted = AnalyticsLimits.discoverySampleRecordsMax - records.count
                guard wanted > 0, let from = positions[shardId] else { break }
                let result = try kinesis.readShard(stream: stream.name, incarnation: stream.incarnation,
                                                   shardId: shardId, from: from, maxRecords: wanted)
                records.append(contentsOf: result.records.map(\.data))
                positions[shardId] = result.nextPosition
            }
            if !records.isEmpty || AnalyticsClock.nowMs() >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        } while true
        return records
    }

    /// Up to a hundred records put into the delivery stream, from `position` as for a data stream, read through
    /// Firehose's consumer interface.
    private func deliveryStreamSample(_ arn: String, position: InputStartingPosition) async throws -> [[UInt8]] {
        let stream: (name: String, incarnation: Int64)
        do {
            stream = try firehose.consumableDeliveryStream(arn)
        } catch {
            throw AnalyticsError.invalidArgument("Delivery stream \(arn) does not exist.")
        }
        var next = try firehose.incomingStart(deliveryStream: stream.name, incarnation: stream.incarnation,
                                              latest: position == .now)
        var records: [[UInt8]] = []
        let deadline = AnalyticsClock.nowMs() + Int64(position == .now ? AnalyticsLimits.discoveryWaitMs : 0)
        repeat {
            let read = try firehose.readIncoming(
                deliveryStream: stream.name, incarnation: stream.incarnation, from: next,
                maxRecords: AnalyticsLimits.discoverySampleRecordsMax - records.count)
            records.append(contentsOf: read.records.map(\.data))
            next = read.next
            if !records.isEmpty || AnalyticsClock.nowMs() >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        } while true
        return records
    }
}
