/// The frames of one track turned into MP4 samples: the decode time of the first, and each sample's duration,
/// size and sync flag, with the frames' bytes in their stored order.
///
/// It exists so fragments and clips time samples the same way:
/// - Decode times are the frames' presentation times (Matroska stores no other) in ascending order, and every
///   composition offset is 0. This is exact when frames are stored in presentation order, which is what Kinesis
///   Video producers write (no B-frames). Limitation: with reordered frames (B-frames) each frame is shown at its
///   decode time, i.e. in decode order, though the track's total duration stays right.
/// - A sample lasts until the next decode time. The last one lasts until `followingTimecode` (the track's first
///   frame in the next fragment) when given; else its BlockDuration; else the track's DefaultDuration; else the
///   average spacing of the run; else (a lone frame) one AAC frame for audio and 0 for video.
/// Durations beyond 32 bits (gaps of over 13 hours at 90 kHz) are clamped.
struct MP4SampleRun: Sendable {
    let track: MP4Track
    /// Decode time of the first sample, in ticks of the track's timescale.
    let baseDecodeTime: UInt64
    let samples: [MP4Sample]
    /// The frames' codec bytes, in the order the frames were given.
    let payloads: [[UInt8]]

    /// Builds the run of `frames` (all of `track`, in stored order, at least one). Times are taken relative to
    /// `originTicks` (a clip starts at 0; fragments keep absolute times with an origin of 0).
    init(track: MP4Track, frames: [MatroskaFrame], timecodeScale: UInt64, followingTimecode: Int64?,
         originTicks: Int64 = 0) {
        precondition(!frames.isEmpty, "a sample run holds at least one frame")
        let ticks = frames.map(\.absoluteTimecode).sorted()
        let times = ticks.map { track.mediaTime(ticks: $0 &- originTicks, timecodeScale: timecodeScale) }
        var durations = zip(times, times.dropFirst()).map { $1 - $0 }
        durations.append(Self.lastDuration(track: track, frames: frames, times: times,
                                           timecodeScale: timecodeScale, followingTimecode: followingTimecode,
                                           originTicks: originTicks))
        self.track = track
        self.baseDecodeTime = times[0]
        self.samples = zip(frames, durations).map { frame, duration in
            MP4Sample(duration: UInt32(clamping: duration), size: UInt32(clamping: frame.bytes.count),
                      isSync: frame.isKeyframe || !track.isVideo)
        }
        self.payloads = frames.map(\.bytes)
    }

    /// Sum of the sample durations, in ticks of the track's timescale.
    var duration: UInt64 { samples.reduce(0) { $0 + UInt64($1.duration) } }

    /// Total bytes of the samples.
    var byteCount: Int { payloads.reduce(0) { $0 + $1.count } }

    private static func lastDuration(track: MP4Track, frames: [MatroskaFrame], times: [UInt64],
                                     timecodeScale: UInt64, followingTimecode: Int64?, originTicks: Int64) -> UInt64 {
        let last = times[times.count - 1]
        if let followingTimecode {
            let following = track.mediaTime(ticks: followingTimecode &- originTicks, timecodeScale: timecodeScale)
            if following > last { return following - last }
        }
        let lastFrame = frames.max { $0.absoluteTimecode < $1.absoluteTimecode }
        if let blockDuration = lastFrame?.duration, blockDuration > 0 {
            return track.mediaTime(ticks: Int64(clamping: blockDuration), timecodeScale: timecodeScale)
        }
        if let nanoseconds = track.defaultDurationNanoseconds {
            return MP4Track.scale(nanoseconds: nanoseconds, to: track.timescale)
        }
        if times.count > 1 { return (last - times[0]) / UInt64(times.count - 1) }
        if case .aac(let configuration) = track.codec { return UInt64(configuration.samplesPerFrame) }
        return 0
    }
}
