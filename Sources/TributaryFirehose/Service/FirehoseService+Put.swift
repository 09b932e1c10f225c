import TributaryLog
import TributaryWire

/// PutRecord and PutRecordBatch: records are appended to the stream's buffer log and acknowledged only once durable
/// there, so a crash before delivery loses nothing.
extension FirehoseService {
    func putRecord(_ request: Document) async throws -> Document {
        let stream = try writableStream(try request.string("DeliveryStreamName") ?? "")
        let data = try request.object("Record")?.blob("Data") ?? []
        let result = try await append([data], to: stream)
        var answer: [String: Document] = ["RecordId": .string(BufferRecordId.make(incarnation: stream.incarnation,
                                                                                  offset: result.firstOffset))]
        if result.encrypted { answer["Encrypted"] = .bool(true) }
        return .object(answer)
    }

    func putRecordBatch(_ request: Document) async throws -> Document {
        let stream = try writableStream(try request.string("DeliveryStreamName") ?? "")
        let records = try (request.array("Records") ?? []).map { try $0.blob("Data") ?? [] }
        let totalBytes = records.reduce(0) { $0 + $1.count }
        guard totalBytes <= FirehoseLimits.batchBytesMax else {
            throw FirehoseError.invalidArgument(
                "Records size exceeds the limit of \(FirehoseLimits.batchBytesMax) bytes per PutRecordBatch request.")
        }
        let result = try await append(records, to: stream)
        var answer: [String: Document] = [
            "FailedPutCount": .integer(0),
            "RequestResponses": .array(records.indices.map { index in
                .object(["RecordId": .string(BufferRecordId.make(incarnation: stream.incarnation,
                                                                 offset: result.firstOffset + UInt64(index)))])
            }),
        ]
        if result.encrypted { answer["Encrypted"] = .bool(true) }
        return .object(answer)
    }

    /// An ACTIVE DirectPut stream, or the error AWS gives.
    private func writableStream(_ name: String) throws -> DeliveryStreamDescriptor {
        let stream = try existingStream(name)
        if stream.type != "DirectPut" {
            throw FirehoseError.invalidArgument("This operation is not permitted on \(stream.type) delivery stream type.")
        }
        guard stream.status == .active else { throw notFound(name) }
        return stream
    }

    /// Appends records to the buffer, sealed when the stream's encryption is on, and counts them as incoming.
    func append(_ records: [[UInt8]], keys: [[UInt8]]? = nil, to stream: DeliveryStreamDescriptor) async throws
        -> (firstOffset: UInt64, encrypted: Bool) {
        let encrypted = stream.encryption.status == "ENABLED"
        let sealingKey = encrypted ? try keyring.key(for: stream.checkpointKey) : nil
        var inputs: [LogRecordInput] = []
        inputs.reserveCapacity(records.count)
        for (index, data) in records.enumerated() {
            let key = keys?[index] ?? []
            if let sealingKey {
                inputs.append(LogRecordInput(key: key, value: try BufferSealing.seal(data, key: sealingKey),
                                             attributes: BufferSealing.sealedFlag))
            } else {
                inputs.append(LogRecordInput(key: key, value: data))
            }
        }
        let log = try buffers.log(LogIdentifierFor.buffer(of: stream))
        let result = try await log.append(inputs)
        metrics.incoming(stream: stream.name, records: records.count, bytes: records.reduce(0) { $0 + $1.count })
        return (result.firstOffset, encrypted)
    }
}
