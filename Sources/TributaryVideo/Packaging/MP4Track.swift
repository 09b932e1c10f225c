/// One Matroska track checked and described for MP4 packaging: its MP4 track ID, codec configuration, picture
/// size or audio format, and the timescale its samples are timed in.
///
/// It exists so codec support and CodecPrivate are validated once per playback session (a failure is the
/// archived-media error AWS answers), and so the init segment, the media fragments, the clip and the HLS/DASH
/// writers agree on track IDs, timescales and codec strings. The MP4 track ID is the Matroska track number.
public struct MP4Track: Equatable, Sendable {
    /// What the track presents, with the numbers its sample entry and track header need.
    public enum Media: Equatable, Sendable {
        /// Width and height in pixels, from the Matroska Video element (0 when the producer left them out;
        /// decoders then use the sequence parameter set).
        case video(width: UInt16, height: UInt16)
        /// Sampling rate in Hz and channel count, from the Matroska Audio element or else the AudioSpecificConfig.
        case audio(samplingRate: UInt32, channels: UInt16)
    }

    /// Ticks per second of video tracks: the MPEG convention, exact for the common frame rates.
    public static let videoTimescale: UInt32 = 90_000

    /// The Matroska track number frames refer to.
    public let trackNumber: UInt64
    /// The MP4 track_ID (equal to the Matroska track number).
    public let trackID: UInt32
    public let media: Media
    public let codec: MP4CodecConfiguration
    /// Matroska DefaultDuration in nanoseconds, used for a fragment's last frame when nothing better is known.
    public let defaultDurationNanoseconds: UInt64?

    public init(_ track: MatroskaTrack) throws(MP4PackagingError) {
        let number = track.number
        guard number > 0, number <= UInt64(UInt32.max) else {
            throw .unsupportedMediaType(trackNumber: number, reason: "has a track number MP4 cannot carry")
        }
        let knownCodecIDs = [MP4CodecConfiguration.avcCodecID, MP4CodecConfiguration.hevcCodecID,
                             MP4CodecConfiguration.aacCodecID]
        guard knownCodecIDs.contains(track.codecID) else {
            throw .unsupportedMediaType(trackNumber: number, reason: "has codec ID \(track.codecID); the supported "
                                        + "codec IDs are \(knownCodecIDs.joined(separator: ", "))")
        }
        guard let record = track.codecPrivate, !record.isEmpty else {
            throw .missingCodecPrivateData(trackNumber: number)
        }
        do throws(MP4ConfigurationError) {
            switch track.codecID {
            case MP4CodecConfiguration.avcCodecID:
                codec = .avc(try MP4AVCConfiguration(record: record))
                media = try Self.videoMedia(track)
            case MP4CodecConfiguration.hevcCodecID:
                codec = .hevc(try MP4HEVCConfiguration(record: record))
                media = try Self.videoMedia(track)
            default:
                let configuration = try MP4AACConfiguration(record: record)
                codec = .aac(configuration)
                media = try Self.audioMedia(track, configuration: configuration)
            }
        } catch {
            throw .invalidCodecPrivateData(trackNumber: number, reason: error.reason)
        }
        trackNumber = number
        trackID = UInt32(number)
        defaultDurationNanoseconds = track.defaultDuration.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Ticks per second of the track's media time: 90,000 for video, the sampling rate for audio (so every AAC
    /// frame lasts a whole number of ticks).
    public var timescale: UInt32 {
        switch media {
        case .video: Self.videoTimescale
        case .audio(let samplingRate, _): samplingRate
        }
    }

    /// The RFC 6381 codec string (HLS CODECS, DASH @codecs).
    public var codecString: String { codec.codecString }

    public var isVideo: Bool { codec.isVideo }

    private static func videoMedia(_ track: MatroskaTrack) throws(MP4ConfigurationError) -> Media {
        let width = track.pixelWidth ?? 0
        let height = track.pixelHeight ?? 0
        guard width <= UInt64(UInt16.max), height <= UInt64(UInt16.max) else {
            throw MP4ConfigurationError("a picture of \(width)x\(height) pixels is larger than MP4 can describe")
        }
        return .video(width: UInt16(width), height: UInt16(height))
    }

    private static func audioMedia(_ track: MatroskaTrack, configuration: MP4AACConfiguration)
        throws(MP4ConfigurationError) -> Media {
        let declaredRate = track.samplingFrequency.flatMap { $0 >= 1 && $0 < Double(UInt32.max) ? UInt32($0) : nil }
        let channels = track.channels ?? UInt64(configuration.channelConfiguration)
        guard channels <= UInt64(UInt16.max) else {
            throw MP4ConfigurationError("\(channels) audio channels are more than MP4 can describe")
        }
        return .audio(samplingRate: declaredRate ?? configuration.samplingFrequency, channels: UInt16(channels))
    }
}
