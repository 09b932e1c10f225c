/// Which frame of a fragment's first video track is on screen at each of a set of sample times.
///
/// A sample time `t` (producer or server time, as the request's ImageSelectorType says) lies `t - base` into the
/// fragment, `base` being the fragment's timestamp of the same kind; that is the media time
/// `producerTimestamp + (t - base)` on the fragment's own clock (its cluster timecode is the producer timestamp).
/// The frame shown then is the last one presented at or before it, or the fragment's first frame when the time
/// falls before every frame (a fragment whose first frame starts a little after its cluster timecode).
struct FragmentFrameChoice: Sendable, Equatable {
    /// Per sample time, in the order given, the presentation time of the frame shown, in Matroska ticks.
    let frameTicksPerSample: [Int64]

    init(media: FragmentMedia, baseMs: Int64, samplesMs: [Int64]) throws(ImageDecodingError) {
        guard let track = media.tracks.first(where: { $0.kind == .video }) else { throw .noVideoFrames }
        let frameTicks = media.frames.filter { $0.trackNumber == track.number }.map(\.absoluteTimecode).sorted()
        guard let first = frameTicks.first else { throw .noVideoFrames }
        let scale = Double(media.timecodeScale)
        frameTicksPerSample = samplesMs.map { sampleMs in
            let mediaMs = media.fragment.producerTimestampMs + (sampleMs - baseMs)
            let wantedTicks = (Double(mediaMs) * 1_000_000 / scale).rounded(.down)
            return frameTicks.last { Double($0) <= wantedTicks } ?? first
        }
    }

    /// The frames to decode: each one shown at some sample time, once, in presentation order.
    var distinctFrameTicks: [Int64] { Array(Set(frameTicksPerSample)).sorted() }
}
