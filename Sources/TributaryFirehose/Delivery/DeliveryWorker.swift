import Foundation
import Logging
import TributaryLog
import TributaryWire

/// Delivers one delivery stream's buffer, batch after batch, until cancelled or the stream stops being ACTIVE.
///
/// Each round: scan the undelivered records' sizes and times, let `BatchWindow` say whether a batch is due, and if
/// so read it, open sealed records, run the processors, hand the result to the destination (which retries within its
/// window), then persist the checkpoint and trim the buffer. Nothing is checkpointed before the destination has it,
/// so a crash delivers that batch again.
struct DeliveryWorker: Sendable {
    let service: FirehoseService
    let name: String
    let incarnation: Int64

    /// How often an idle worker looks again when no record wakes it.
    static let idlePollMs: Int64 = 1000

    func run() async {
        let checkpoints = DeliveryCheckpoints(metadata: service.metadata)
        var scan = BufferScan()
        var delivered: UInt64?
        while !Task.isCancelled {
            guard let stream = service.catalog.stream(named: name), stream.incarnation == incarnation,
                  stream.status == .active, let destination = stream.destinations.first
            else { return }
            do {
                let log = try service.buffers.log(LogIdentifierFor.buffer(of: stream))
                if delivered == nil {
                    delivered = max(try checkpoints.load(stream.checkpointKey) ?? 0, log.startOffset)
                }
                let settings = try DestinationSettings(kind: destination.kind,
                                                       configuration: try destination.configurationDocument())
                let window = BatchWindow(sizeBytes: settings.bufferSizeBytes, intervalMs: settings.bufferIntervalMs)
                try scan.advance(log: log, from: delivered!, upToBytes: settings.bufferSizeBytes)
                switch window.decide(records: scan.entries, nowMs: FirehoseClock.nowMs()) {
                case .idle:
                    await wait(log: log, for: delivered!, untilMs: FirehoseClock.nowMs() + Self.idlePollMs)
                case .wait(let untilMs):
                    await wait(log: log, for: scan.end, untilMs: min(untilMs, FirehoseClock.nowMs() + Self.idlePollMs))
                case .deliver(let endOffset):
                    let batch = try read(log: log, from: delivered!, to: endOffset, stream: stream)
                    try await DeliveryAttempt(service: service, stream: stream, settings: settings).deliver(batch)
                    try checkpoints.save(stream.checkpointKey, offset: endOffset)
                    // Readers of the incoming records (Analytics inputs) keep what they have not consumed yet.
                    let held = service.bufferHolds.lowest(deliveryStream: name, incarnation: incarnation)
                    try log.trim(before: min(endOffset, held ?? endOffset))
                    delivered = endOffset
                    scan.drop(below: endOffset)
                }
            } catch is CancellationError {
                return
            } catch {
                service.logger.error("delivery failed", metadata: ["deliveryStream": "\(name)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Sleeps until the log has a record at `offset`, the deadline passes, or the task is cancelled.
    private func wait(log: any RecordLog, for offset: UInt64, untilMs: Int64) async {
        let delayMs = max(1, untilMs - FirehoseClock.nowMs())
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await log.waitForRecords(after: offset) }
            group.addTask { try? await Task.sleep(for: .milliseconds(delayMs)) }
            await group.next()
            group.cancelAll()
        }
    }

    /// The batch's records, opened.
    private func read(log: any RecordLog, from start: UInt64, to end: UInt64,
                      stream: DeliveryStreamDescriptor) throws -> [BufferedRecord] {
        var records: [BufferedRecord] = []
        var next = start
        while next < end {
            let chunk = try log.read(from: next, maxRecords: min(FirehoseLimits.bufferReadRecordsMax, Int(end - next)),
                                     maxBytes: Int.max)
            guard let last = chunk.last else { break }
            for record in chunk where record.offset < end {
                var data = record.value
                if record.attributes & BufferSealing.sealedFlag != 0 {
                    data = try BufferSealing.open(record.value, key: try service.keyring.key(for: stream.checkpointKey))
                }
                let source = SourceRecordMetadata.decode(record.key)
                records.append(BufferedRecord(offset: record.offset, data: data,
                                              arrivalMs: source?.arrivalMs ?? record.timestampMs, source: source))
            }
            next = last.offset + 1
        }
        return records
    }
}

extension DeliveryStreamDescriptor.Destination {
    func configurationDocument() throws -> Document {
        try JSONDocumentDecoder.decode(Array(configurationJSON.utf8))
    }
}
