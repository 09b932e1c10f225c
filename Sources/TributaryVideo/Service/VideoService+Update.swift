import TributaryWire

/// UpdateStream and UpdateDataRetention: both check the stream's version and give it a new one.
extension VideoService {
    /// DeviceName and MediaType; the stream is UPDATING until `run()` settles it after `stateDelayMs`, as AWS's
    /// asynchronous update is.
    func updateStream(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        let currentVersion = try request.string("CurrentVersion") ?? ""
        let deviceName = try request.string("DeviceName")
        let mediaType = try request.string("MediaType")
        let deadline = VideoClock.nowMs() + Int64(configuration.stateDelayMs)
        try change(stream) { current in
            try Self.requireActive(current)
            try Self.requireVersion(currentVersion, of: current)
            if let deviceName { current.deviceName = deviceName }
            if let mediaType { current.mediaType = mediaType }
            current.version = VideoStreamVersion.next()
            current.lifecycle = .updating
            current.statusDeadlineMs = deadline
        }
        return .object([:])
    }

    /// Adds or subtracts hours; the result must stay within 0...87600. A shorter retention takes effect at the next
    /// retention pass of `run()`.
    func updateDataRetention(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        let currentVersion = try request.string("CurrentVersion") ?? ""
        let isIncrease = try request.string("Operation") == "INCREASE_DATA_RETENTION"
        let changeHours = try request.integer("DataRetentionChangeInHours") ?? 0
        try change(stream) { current in
            try Self.requireActive(current)
            try Self.requireVersion(currentVersion, of: current)
            let hours = Int64(current.dataRetentionInHours) + (isIncrease ? changeHours : -changeHours)
            guard hours >= 0 else {
                throw VideoError.invalidArgument("The data retention of stream \(current.name) cannot go below 0 "
                    + "hours: it is \(current.dataRetentionInHours) hours, the decrease \(changeHours).")
            }
            guard hours <= Int64(VideoLimits.dataRetentionHoursMax) else {
                throw VideoError.invalidArgument("The data retention of stream \(current.name) cannot exceed "
                    + "\(VideoLimits.dataRetentionHoursMax) hours: it is \(current.dataRetentionInHours) hours, "
                    + "the increase \(changeHours).")
            }
            current.dataRetentionInHours = Int(hours)
            current.version = VideoStreamVersion.next()
        }
        return .object([:])
    }
}
