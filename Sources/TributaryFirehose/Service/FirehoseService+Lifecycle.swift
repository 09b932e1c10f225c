import TributaryWire

/// DeleteDeliveryStream, and the transitions `run()` finishes: CREATING → ACTIVE, DELETING → gone.
extension FirehoseService {
    func deleteDeliveryStream(_ request: Document) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let deadline = FirehoseClock.nowMs() + Int64(configuration.stateDelayMs)
        let updated: Void? = try catalog.update(name) { stream in
            if stream.status == .creating {
                throw FirehoseError.resourceInUse(
                    "Firehose \(name) under account \(configuration.accountId) is in CREATING state and cannot be deleted.")
            }
            stream.status = .deleting
            stream.statusDeadlineMs = deadline
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }

    /// Moves every stream whose transition is due; returns the streams that are ACTIVE afterwards.
    func advanceTransitions(nowMs: Int64) -> [DeliveryStreamDescriptor] {
        for stream in catalog.allStreams() {
            guard let deadline = stream.statusDeadlineMs, deadline <= nowMs else { continue }
            do {
                switch stream.status {
                case .creating:
                    try catalog.update(stream.name) { current in
                        guard current.incarnation == stream.incarnation, current.status == .creating else { return }
                        current.status = .active
                        current.statusDeadlineMs = nil
                    }
                case .deleting:
                    runtime.stop(stream.checkpointKey)
                    try buffers.deleteLog(LogIdentifierFor.buffer(of: stream))
                    try metadata.delete(namespace: DeliveryCheckpoints.namespace, key: stream.checkpointKey)
                    try metadata.delete(namespace: SourceCheckpoints.namespace, key: stream.checkpointKey)
                    try keyring.forget(stream.checkpointKey)
                    try catalog.remove(stream.name, incarnation: stream.incarnation)
                case .active:
                    break
                }
            } catch {
                logger.error("delivery stream transition failed",
                             metadata: ["stream": "\(stream.name)", "error": "\(error)"])
            }
        }
        return catalog.allStreams().filter { $0.status == .active }
    }
}
