import TributaryWire

extension VideoService {
    /// GetClip (kinesis-video-archived-media): one progressive MP4 file of the ClipFragmentSelector's range, repackaged
    /// from the stored fragments without re-encoding.
    ///
    /// The clip holds the whole fragments that start in [StartTimestamp, EndTimestamp] (both ends included, compared
    /// with each fragment's producer or server timestamp as AWS documents ClipTimestampRange), so it starts on a
    /// fragment's first (key) frame.
    public func getClip(_ request: Document) throws -> [UInt8] {
        try Self.validate(request, operation: "GetClip", model: VideoArchivedMediaShapes.model)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        guard let selector = try request.object("ClipFragmentSelector") else {
            throw VideoError.invalidArgument("ClipFragmentSelector must be specified")
        }
        let range = try FragmentTimestampRange(selector)
        guard range.endMs > range.startMs else {
            throw VideoError.invalidArgument("EndTimestamp must be later than StartTimestamp")
        }
        guard range.useProducerTimestamp || range.endMs <= VideoClock.nowMs() else {
            throw VideoError.invalidArgument(
                "EndTimestamp must be in the past when FragmentSelectorType is SERVER_TIMESTAMP.")
        }
        guard range.endMs - range.startMs <= DataPlaneLimits.clipRangeMsMax else {
            throw VideoError.invalidArgument("The time range of the clip must not exceed 24 hours")
        }
        let fragments = try self.fragments.fragments(stream: stream.storageKey).filter(range.contains)
        guard !fragments.isEmpty else {
            throw VideoError.resourceNotFound("No fragments found in the stream for the clip request.")
        }
        var media: [FragmentMedia] = []
        var bytes = 0
        for fragment in fragments {
            guard let content = try self.fragments.content(fragment.number, stream: stream.storageKey) else { continue }
            bytes += content.cluster.count
            guard bytes <= DataPlaneLimits.clipBytesMax else {
                throw VideoError.invalidArgument("The clip is larger than the 100 MB limit; request a shorter range")
            }
            media.append(try FragmentMedia(content))
        }
        guard let first = media.first else {
            throw VideoError.resourceNotFound("No fragments found in the stream for the clip request.")
        }
        let tracks = try first.tracks.map { track throws(MP4PackagingError) in try MP4Track(track) }
        return MP4Clip.bytes(tracks: tracks, frames: media.flatMap(\.frames), timecodeScale: first.timecodeScale)
    }
}
