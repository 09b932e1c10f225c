/// One track of a DASH session as its manifest describes it: an adaptation set with one representation, whose init
/// and media fragments hold that track alone (`TrackNumber=N`).
///
/// It exists so the manifest needs no Matroska or MP4 types; `init(_:)` takes everything from the `MP4Track` the
/// fragments are packaged with, so the manifest's timescale is the one the fragments' decode times use.
public struct DASHTrack: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Picture size in pixels (0 when the producer did not declare it; the manifest then leaves it out).
        case video(width: Int, height: Int)
        case audio(samplingRate: UInt32, channels: Int)
    }

    /// The Matroska track number (the MP4 track ID, the URLs' TrackNumber).
    public var number: UInt64
    public var kind: Kind
    /// The RFC 6381 codec string (`avc1.64001f`, `mp4a.40.2`).
    public var codecs: String
    /// Ticks per second of the track's decode times: 90,000 for video, the sampling rate for audio.
    public var timescale: UInt32

    public init(number: UInt64, kind: Kind, codecs: String, timescale: UInt32) {
        self.number = number
        self.kind = kind
        self.codecs = codecs
        self.timescale = timescale
    }

    public init(_ track: MP4Track) {
        let kind: Kind = switch track.media {
        case .video(let width, let height): .video(width: Int(width), height: Int(height))
        case .audio(let samplingRate, let channels): .audio(samplingRate: samplingRate, channels: Int(channels))
        }
        self.init(number: track.trackNumber, kind: kind, codecs: track.codecString, timescale: track.timescale)
    }
}
