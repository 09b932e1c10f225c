import TributaryLog

/// The typed consumer interface other modules (Analytics) read a delivery stream's incoming records through:
/// positions in its buffer, the records as they were put (opened when sealed), and holds that keep delivery from
/// trimming what a reader has not consumed yet.
extension FirehoseService {
    /// One record as it was put into the delivery stream.
    public struct IncomingRecord: Sendable {
        public var position: UInt64
        public var data: [UInt8]
        public var arrivalMs: Int64
    }

    /// The delivery stream's name and incarnation behind an ARN (or a plain name), or ResourceNotFoundException.
    public func consumableDeliveryStream(_ nameOrARN: String) throws -> (name: String, incarnation: Int64) {
        let name = nameOrARN.hasPrefix("arn:") ? String(nameOrARN.split(separator: "/").last ?? "") : nameOrARN
        let stream = try existingStream(name)
        return (stream.name, stream.incarnation)
    }

    /// Where a new reader starts: the end of the buffer (what arrives from now on), or its oldest record.
    public func incomingStart(deliveryStream name: String, incarnation: Int64, latest: Bool) throws -> UInt64 {
        let log = try bufferLog(name, incarnation)
        return latest ? log.endOffset : log.startOffset
    }

    /// Up to `maxRecords` records from `position` on, and the position after them.
    public func readIncoming(deliveryStream name: String, incarnation: Int64, from position: UInt64,
                             maxRecords: Int) throws -> (records: [IncomingRecord], next: UInt64) {
        let stream = try existingStream(name)
        let log = try bufferLog(name, incarnation)
        let start = max(position, log.startOffset)
        let found = try log.read(from: start, maxRecords: maxRecords, maxBytes: FirehoseLimits.batchBytesMax)
        let records = try found.map { record in
            var data = record.value
            if record.attributes & BufferSealing.sealedFlag != 0 {
                data = try BufferSealing.open(record.value, key: try keyring.key(for: stream.checkpointKey))
            }
            let arrivalMs = SourceRecordMetadata.decode(record.key)?.arrivalMs ?? record.timestampMs
            return IncomingRecord(position: record.offset, data: data, arrivalMs: arrivalMs)
        }
        return (records, found.last.map { $0.offset + 1 } ?? start)
    }

    /// Keeps the buffer from `position` on until the reader moves its hold or releases it.
    public func holdIncoming(consumer: String, deliveryStream name: String, incarnation: Int64,
                             at position: UInt64) throws {
        try bufferHolds.set(BufferHold(consumer: consumer, deliveryStream: name, incarnation: incarnation,
                                       position: position))
    }

    public func releaseIncoming(consumer: String) throws {
        try bufferHolds.release(consumer: consumer)
    }

    private func bufferLog(_ name: String, _ incarnation: Int64) throws -> any RecordLog {
        let stream = try existingStream(name)
        guard stream.incarnation == incarnation else { throw notFound(name) }
        return try buffers.log(LogIdentifierFor.buffer(of: stream))
    }
}
