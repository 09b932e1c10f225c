import Foundation
import TributaryFirehose

/// Reads the records put into a delivery stream (its buffer, before delivery) for an application whose input is a
/// delivery stream. Its position is held in Firehose, so delivery does not trim records the application has not
/// consumed, even while it is stopped.
final class FirehoseInputReader: InputReader {
    static let readRecordsMax = 1000
    /// The one position key of a delivery stream checkpoint.
    static let positionKey = "buffer"

    let firehose: FirehoseService
    let consumer: String
    private(set) var checkpoint: InputCheckpoint
    private(set) var watermark = Int64.min
    private var newestArrival = Int64.min

    init(firehose: FirehoseService, consumer: String, checkpoint: InputCheckpoint) {
        self.firehose = firehose
        self.consumer = consumer
        self.checkpoint = checkpoint
    }

    /// A checkpoint at the end of the buffer (NOW) or its oldest record (TRIM_HORIZON).
    static func start(firehose: FirehoseService, deliveryStreamARN: String, latest: Bool) throws -> InputCheckpoint {
        let (name, incarnation) = try firehose.consumableDeliveryStream(deliveryStreamARN)
        let position = try firehose.incomingStart(deliveryStream: name, incarnation: incarnation, latest: latest)
        return InputCheckpoint(streamName: name, streamIncarnation: incarnation, positions: [positionKey: position])
    }

    func next() throws -> (records: [SourceRecord], moved: Bool) {
        let readStartMs = Int64(Date().timeIntervalSince1970 * 1000)
        let position = checkpoint.positions[Self.positionKey] ?? 0
        let (records, next) = try firehose.readIncoming(deliveryStream: checkpoint.streamName,
                                                         incarnation: checkpoint.streamIncarnation, from: position,
                                                         maxRecords: Self.readRecordsMax)
        checkpoint.positions[Self.positionKey] = next
        if let last = records.last { newestArrival = max(newestArrival, last.arrivalMs) }
        let caughtUp = records.count < Self.readRecordsMax
        let bound = caughtUp ? max(newestArrival, readStartMs - KinesisInputReader.visibilityLagMs) : newestArrival
        watermark = max(watermark, bound)
        return (records.map { SourceRecord(data: $0.data, arrivalMs: $0.arrivalMs, streamIndex: 0) }, !records.isEmpty)
    }

    func committed() throws {
        try firehose.holdIncoming(consumer: consumer, deliveryStream: checkpoint.streamName,
                                  incarnation: checkpoint.streamIncarnation,
                                  at: checkpoint.positions[Self.positionKey] ?? 0)
    }
}
