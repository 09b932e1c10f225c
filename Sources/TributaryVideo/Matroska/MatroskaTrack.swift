/// One TrackEntry of a Tracks element: what PutMedia checks blocks against (track numbers), what DescribeStream-like
/// answers and the HLS/MP4 packagers need (codec id, CodecPrivate, picture size, sampling rate).
public struct MatroskaTrack: Equatable, Sendable {
    /// Matroska TrackType values.
    public enum Kind: Equatable, Sendable {
        case video, audio, complex, logo, subtitle, buttons, control, metadata
        case other(UInt64)

        public init(rawValue: UInt64) {
            switch rawValue {
            case 1: self = .video
            case 2: self = .audio
            case 3: self = .complex
            case 0x10: self = .logo
            case 0x11: self = .subtitle
            case 0x12: self = .buttons
            case 0x20: self = .control
            case 0x21: self = .metadata
            default: self = .other(rawValue)
            }
        }

        /// The TrackType number written in Matroska.
        public var rawValue: UInt64 {
            switch self {
            case .video: 1
            case .audio: 2
            case .complex: 3
            case .logo: 0x10
            case .subtitle: 0x11
            case .buttons: 0x12
            case .control: 0x20
            case .metadata: 0x21
            case .other(let value): value
            }
        }
    }

    public var number: UInt64
    public var uid: UInt64?
    public var kind: Kind?
    /// e.g. "V_MPEG4/ISO/AVC", "A_AAC" (a trailing NUL written by GStreamer is removed).
    public var codecID: String
    public var codecPrivate: [UInt8]?
    public var name: String?
    public var language: String?
    /// Nanoseconds per frame, when declared.
    public var defaultDuration: UInt64?
    public var pixelWidth: UInt64?
    public var pixelHeight: UInt64?
    public var samplingFrequency: Double?
    public var channels: UInt64?
    public var bitDepth: UInt64?

    public init(number: UInt64, uid: UInt64? = nil, kind: Kind? = nil, codecID: String = "",
                codecPrivate: [UInt8]? = nil) {
        self.number = number
        self.uid = uid
        self.kind = kind
        self.codecID = codecID
        self.codecPrivate = codecPrivate
    }
}
