/// The defaults and bounds of HLS and DASH streaming sessions, each with its reason (AWS's API reference for
/// GetHLSStreamingSessionURL and GetDASHStreamingSessionURL unless said otherwise).
enum StreamingLimits {
    /// Expires when the request leaves it out, in seconds (5 minutes), and the model's bounds (5 minutes to
    /// 12 hours), which a session token read back must also respect.
    static let defaultExpiresSeconds: Int64 = 300
    static let expiresSecondsMin: Int64 = 300
    static let expiresSecondsMax: Int64 = 43_200
    /// Fragments per playlist or manifest when the request leaves the maximum out: 5 for LIVE and LIVE_REPLAY
    /// (a short live window keeps latency low), 1,000 for ON_DEMAND; the model bounds the member to 1...5,000.
    static let defaultLiveFragmentResults = 5
    static let defaultOnDemandFragmentResults = 1_000
    static let fragmentResultsMax = 5_000
    /// EndTimestamp must be within 24 hours of StartTimestamp.
    static let timestampRangeMaxMs: Int64 = 24 * 3_600_000
    /// A LIVE session needs a fragment received within the last 30 seconds (ResourceNotFoundException otherwise).
    static let liveRecencyMs: Int64 = 30_000
    /// ON_DISCONTINUITY marks a gap or overlap of more than 50 milliseconds between a fragment's end and the next
    /// fragment's start.
    static let discontinuityToleranceMs: Int64 = 50
    /// SessionToken length bounds of the playback resources' model (GetHLSMasterPlaylist and the others): a longer
    /// or shorter token cannot be one this server made.
    static let sessionTokenLengthMin = 36
    static let sessionTokenLengthMax = 4_096
}
