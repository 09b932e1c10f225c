import TributaryWire

/// DeleteStream: the stream becomes DELETING at once (its media is no longer served), and `run()` removes its
/// fragments and forgets it after `stateDelayMs`.
extension VideoService {
    func deleteStream(_ request: Document) throws -> Document {
        let stream = try existingStream(arn: try request.string("StreamARN") ?? "", malformedARN: .invalidArgument)
        let currentVersion = try request.string("CurrentVersion")
        let deadline = VideoClock.nowMs() + Int64(configuration.stateDelayMs)
        try change(stream) { current in
            guard current.lifecycle != .deleting else {
                throw VideoError.resourceInUse("The stream \(current.name) is already being deleted.")
            }
            if let currentVersion { try Self.requireVersion(currentVersion, of: current) }
            current.lifecycle = .deleting
            current.statusDeadlineMs = deadline
        }
        return .object([:])
    }
}
