/// The codec of one track and its configuration record, which decides the MP4 sample entry (`avc1`, `hvc1` or
/// `mp4a`) and the codec string.
///
/// It exists so the packagers and the HLS/DASH writers switch over the three codecs Kinesis Video playback serves
/// (H.264, H.265, AAC) in one place, from the Matroska codec ID.
public enum MP4CodecConfiguration: Equatable, Sendable {
    case avc(MP4AVCConfiguration)
    case hevc(MP4HEVCConfiguration)
    case aac(MP4AACConfiguration)

    /// Matroska codec IDs of the supported codecs.
    public static let avcCodecID = "V_MPEG4/ISO/AVC"
    public static let hevcCodecID = "V_MPEGH/ISO/HEVC"
    public static let aacCodecID = "A_AAC"

    /// The RFC 6381 codec string for HLS CODECS and DASH @codecs, e.g. `avc1.64001F`, `hvc1.1.6.L93.B0`,
    /// `mp4a.40.2`.
    public var codecString: String {
        switch self {
        case .avc(let configuration): configuration.codecString
        case .hevc(let configuration): configuration.codecString
        case .aac(let configuration): configuration.codecString
        }
    }

    /// Whether the codec is a video codec (the track is presented with a video handler).
    public var isVideo: Bool {
        switch self {
        case .avc, .hevc: true
        case .aac: false
        }
    }
}
