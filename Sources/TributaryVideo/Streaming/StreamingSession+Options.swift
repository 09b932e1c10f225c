/// The enumerated request members a streaming session keeps, spelled as AWS spells them (the raw values are the
/// model's enum values, and what the session token stores).
extension StreamingSession {
    public enum StreamingProtocol: String, Codable, Sendable {
        case hls = "HLS"
        case dash = "DASH"
    }

    /// PlaybackMode: the newest fragments (LIVE), a range played out in real time from its start (LIVE_REPLAY), or
    /// a fixed range listed at once (ON_DEMAND).
    public enum PlaybackMode: String, Codable, Sendable {
        case live = "LIVE"
        case liveReplay = "LIVE_REPLAY"
        case onDemand = "ON_DEMAND"
    }

    /// FragmentSelectorType.
    public enum TimestampSource: String, Codable, Sendable {
        case producerTimestamp = "PRODUCER_TIMESTAMP"
        case serverTimestamp = "SERVER_TIMESTAMP"
    }

    /// ContainerFormat: fragmented MP4 (`getMP4MediaFragment.mp4`) or MPEG-2 transport stream (`getTSFragment.ts`).
    public enum ContainerFormat: String, Codable, Sendable {
        case fragmentedMP4 = "FRAGMENTED_MP4"
        case mpegTS = "MPEG_TS"
    }

    /// DiscontinuityMode: a marker between every two fragments, none, or only where the timeline jumps.
    public enum DiscontinuityMode: String, Codable, Sendable {
        case always = "ALWAYS"
        case never = "NEVER"
        case onDiscontinuity = "ON_DISCONTINUITY"
    }

    /// DisplayFragmentTimestamp and DisplayFragmentNumber.
    public enum DisplayOption: String, Codable, Sendable {
        case always = "ALWAYS"
        case never = "NEVER"
    }
}
