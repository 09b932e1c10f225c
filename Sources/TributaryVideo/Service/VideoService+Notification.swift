import TributaryWire

/// DescribeNotificationConfiguration and UpdateNotificationConfiguration.
extension VideoService {
    /// The stream's configuration; an empty answer when it has none.
    func describeNotificationConfiguration(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        guard let configuration = stream.notification else { return .object([:]) }
        return .object(["NotificationConfiguration": configuration.document])
    }

    /// Sets the configuration, or clears it when the request has none. Notifications are about stored fragments,
    /// so a stream that keeps none (retention 0) is NoDataRetentionException.
    func updateNotificationConfiguration(_ request: Document) throws -> Document {
        let stream = try existingStream(request)
        let configuration = try request.object("NotificationConfiguration")
            .map(VideoNotificationConfiguration.init(document:))
        try change(stream) { current in
            try Self.requireActive(current)
            if configuration != nil { try Self.requireDataRetention(current) }
            current.notification = configuration
        }
        return .object([:])
    }
}
