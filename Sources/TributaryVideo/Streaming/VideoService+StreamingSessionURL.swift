import TributaryWire

extension VideoService {
    /// GetHLSStreamingSessionURL (kinesis-video-archived-media): the URL of a new HLS session's master playlist,
    /// relative to `endpoint` (the data endpoint the gateway serves the playback resources on).
    public func getHLSStreamingSessionURL(_ request: Document, endpoint: String) throws -> Document {
        try getHLSStreamingSessionURL(request, endpoint: endpoint, nowMs: VideoClock.nowMs())
    }

    /// GetDASHStreamingSessionURL (kinesis-video-archived-media): the URL of a new DASH session's manifest.
    public func getDASHStreamingSessionURL(_ request: Document, endpoint: String) throws -> Document {
        try getDASHStreamingSessionURL(request, endpoint: endpoint, nowMs: VideoClock.nowMs())
    }

    func getHLSStreamingSessionURL(_ request: Document, endpoint: String, nowMs: Int64) throws -> Document {
        let session = try streamingSession(request, operation: "GetHLSStreamingSessionURL", streamingProtocol: .hls,
                                           nowMs: nowMs)
        let url = "\(endpoint)/hls/v1/getHLSMasterPlaylist.m3u8?SessionToken=\(session.token)"
        return .object(["HLSStreamingSessionURL": .string(url)])
    }

    func getDASHStreamingSessionURL(_ request: Document, endpoint: String, nowMs: Int64) throws -> Document {
        let session = try streamingSession(request, operation: "GetDASHStreamingSessionURL",
                                           streamingProtocol: .dash, nowMs: nowMs)
        let url = "\(endpoint)/dash/v1/getDASHManifest.mpd?SessionToken=\(session.token)"
        return .object(["DASHStreamingSessionURL": .string(url)])
    }

    /// A new session for `request`, checked as AWS checks it: the model's constraints, then the rules between the
    /// members (InvalidArgumentException), the stream (ResourceNotFoundException), its retention
    /// (NoDataRetentionException), and at least one fragment to play (ResourceNotFoundException).
    private func streamingSession(_ request: Document, operation: String,
                                  streamingProtocol: StreamingSession.StreamingProtocol,
                                  nowMs: Int64) throws -> StreamingSession {
        try Self.validate(request, operation: operation, model: VideoArchivedMediaShapes.model)
        let options = try StreamingSessionOptions(request, streamingProtocol: streamingProtocol, nowMs: nowMs)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        guard stream.dataRetentionInHours > 0 else {
            throw VideoError.noDataRetention("The stream \(stream.name) does not retain data: playback sessions need "
                                             + "a DataRetentionInHours greater than 0.")
        }
        let session = StreamingSession(
            streamingProtocol: streamingProtocol, streamName: stream.name, storageKey: stream.storageKey,
            playbackMode: options.playbackMode, timestampSource: options.timestampSource, startMs: options.startMs,
            endMs: options.endMs, containerFormat: options.containerFormat,
            discontinuityMode: options.discontinuityMode, displayFragmentTimestamp: options.displayFragmentTimestamp,
            displayFragmentNumber: options.displayFragmentNumber, maxFragmentResults: options.maxFragmentResults,
            createdMs: nowMs, expiresMs: nowMs + options.expiresSeconds * 1000).signed(with: sessionKey)
        let stored = try fragments.fragments(stream: stream.storageKey)
        let hasMedia = switch session.playbackMode {
        case .live: stored.contains { $0.serverTimestampMs >= nowMs - StreamingLimits.liveRecencyMs }
        case .liveReplay, .onDemand: stored.contains(where: session.selects)
        }
        guard hasMedia else {
            throw VideoError.resourceNotFound("No fragments found in the stream for the streaming request.")
        }
        return session
    }
}
