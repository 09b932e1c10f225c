import TributaryWire

extension VideoService {
    /// GetClip (kinesis-video-archived-media): one progressive MP4 file of the ClipFragmentSelector's range, repackaged
    /// from the stored fragments without re-encoding.
    ///
    /// The clip holds the frames whose time lies in [StartTimestamp, EndTimestamp), video starting at the last key
    /// frame at or before the start so the first frame decodes (a range starting on a key frame gives exactly the
    /// requested duration). Times of a frame: its fragment's producer or server timestamp plus its offset in the
    /// fragment.
    public func getClip(_ request: Document) throws -> [UInt8] {
        try Self.validate(request, operation: "GetClip", model: VideoArchivedMediaShapes.model)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        guard let selector = try request.object("ClipFragmentSelector") else {
            throw VideoError.invalidArgument("ClipFragmentSelector must be specified")
        }
        let range = try FragmentTimestampRange(selector)
        guard range.endMs - range.startMs <= DataPlaneLimits.clipRangeMsMax else {
            throw VideoError.invalidArgument("The time range of the clip must not exceed 24 hours")
        }
        let fragments = try self.fragments.fragments(stream: stream.storageKey).filter(range.overlaps)
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
        let frames = ClipFrameSelection(media: media, range: range).frames
        guard !frames.isEmpty else {
            throw VideoError.resourceNotFound("No fragments found in the stream for the clip request.")
        }
        return MP4Clip.bytes(tracks: tracks, frames: frames, timecodeScale: first.timecodeScale)
    }
}

/// The frames of a clip: those in the range, video from the last key frame at or before its start.
struct ClipFrameSelection {
    let frames: [MatroskaFrame]

    init(media: [FragmentMedia], range: FragmentTimestampRange) {
        var timed: [(frame: MatroskaFrame, ms: Int64)] = []
        for fragment in media {
            let base = range.useProducerTimestamp ? fragment.fragment.producerTimestampMs
                : fragment.fragment.serverTimestampMs
            let origin = fragment.frames.first.map { Self.milliseconds($0.absoluteTimecode, fragment.timecodeScale) }
            for frame in fragment.frames {
                let offset = Self.milliseconds(frame.absoluteTimecode, fragment.timecodeScale) - (origin ?? 0)
                timed.append((frame, base + offset))
            }
        }
        // Start at the last key frame at or before the range's start, so the clip's first video frame decodes.
        let keyStart = timed.last { $0.frame.isKeyframe && $0.ms <= range.startMs }?.ms ?? range.startMs
        frames = timed.filter { $0.ms >= keyStart && $0.ms < range.endMs }.map(\.frame)
    }

    static func milliseconds(_ ticks: Int64, _ scale: UInt64) -> Int64 {
        Int64((Double(ticks) * Double(scale) / 1_000_000).rounded())
    }
}
