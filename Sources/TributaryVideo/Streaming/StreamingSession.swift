/// Everything an HLS or DASH streaming session URL stands for: which stream, which fragments, how they are packaged
/// and listed, and until when the URL may be used.
///
/// Sessions are stateless on this server: GetHLSStreamingSessionURL and GetDASHStreamingSessionURL put the whole
/// session in the URL's `SessionToken` (`token`, read back by `init(token:nowMs:)`), so playlists, manifests and
/// fragments can be served by any process that sees the stream, and a restart loses no session. Every field was
/// checked when the session was created; a token that decodes to values out of their bounds is refused as
/// malformed.
public struct StreamingSession: Codable, Sendable, Equatable {
    /// HLS (master and media playlists, `getHLS…`, `getTSFragment`) or DASH (`getDASHManifest`).
    public var streamingProtocol: StreamingProtocol
    /// The stream's name, for messages, and its storage key: the key names one incarnation of the stream, so a
    /// session never reads the fragments of a stream deleted and created again under the same name.
    public var streamName: String
    public var storageKey: String
    public var playbackMode: PlaybackMode
    /// Which timestamp the range, the ordering and the displayed times use (`FragmentSelectorType`).
    public var timestampSource: TimestampSource
    /// The range's StartTimestamp in milliseconds since 1970 (LIVE_REPLAY and ON_DEMAND).
    public var startMs: Int64?
    /// The range's EndTimestamp in milliseconds since 1970, inclusive (always for ON_DEMAND, optional for
    /// LIVE_REPLAY, never for LIVE).
    public var endMs: Int64?
    /// FRAGMENTED_MP4 or MPEG_TS (HLS's ContainerFormat); always FRAGMENTED_MP4 for DASH.
    public var containerFormat: ContainerFormat
    /// Where EXT-X-DISCONTINUITY goes (HLS's DiscontinuityMode); NEVER for DASH, whose timeline carries the gaps.
    public var discontinuityMode: DiscontinuityMode
    /// Whether fragment start times are shown (EXT-X-PROGRAM-DATE-TIME in HLS, `kvs:ts` in DASH).
    public var displayFragmentTimestamp: DisplayOption
    /// Whether fragment numbers are shown (`kvs:fn` in DASH); NEVER for HLS.
    public var displayFragmentNumber: DisplayOption
    /// At most this many fragments per media playlist or manifest (MaxMediaPlaylistFragmentResults,
    /// MaxManifestFragmentResults).
    public var maxFragmentResults: Int
    /// When the session was created, in milliseconds since 1970: LIVE_REPLAY plays out from here, and LIVE
    /// counts discontinuities from here.
    public var createdMs: Int64
    /// When the session expires (creation plus Expires seconds), in milliseconds since 1970.
    public var expiresMs: Int64
    /// HMAC-SHA256 (hex, truncated) of the other fields under the server's session key, set by `signed(with:)`, so
    /// nobody can make a token for a stream they were not allowed to open a session on.
    public var signature: String?

    public init(streamingProtocol: StreamingProtocol, streamName: String, storageKey: String,
                playbackMode: PlaybackMode, timestampSource: TimestampSource, startMs: Int64?, endMs: Int64?,
                containerFormat: ContainerFormat, discontinuityMode: DiscontinuityMode,
                displayFragmentTimestamp: DisplayOption, displayFragmentNumber: DisplayOption,
                maxFragmentResults: Int, createdMs: Int64, expiresMs: Int64) {
        self.streamingProtocol = streamingProtocol
        self.streamName = streamName
        self.storageKey = storageKey
        self.playbackMode = playbackMode
        self.timestampSource = timestampSource
        self.startMs = startMs
        self.endMs = endMs
        self.containerFormat = containerFormat
        self.discontinuityMode = discontinuityMode
        self.displayFragmentTimestamp = displayFragmentTimestamp
        self.displayFragmentNumber = displayFragmentNumber
        self.maxFragmentResults = maxFragmentResults
        self.createdMs = createdMs
        self.expiresMs = expiresMs
    }

    /// The timestamp this session selects and shows `fragment` by, in milliseconds since 1970.
    public func timestampMs(of fragment: StoredFragment) -> Int64 {
        switch timestampSource {
        case .producerTimestamp: fragment.producerTimestampMs
        case .serverTimestamp: fragment.serverTimestampMs
        }
    }

    /// Whether the playlist or manifest is final once its fragments are listed (ON_DEMAND); LIVE and LIVE_REPLAY
    /// sessions grow while they last.
    public var isStatic: Bool { playbackMode == .onDemand }
}
