/// The bounds and timings of the data plane (PutMedia, GetMedia, archived media), each with its reason.
enum DataPlaneLimits {
    /// A GetMedia that has caught up ends after this long without a new fragment, so a reader of a finished upload
    /// sees the end of its stream instead of waiting forever. A producer sending one fragment every few seconds keeps
    /// it open.
    static let getMediaIdleEndMs: Int64 = 5_000
    /// ListFragments answers at most this many fragments per page (the model's MaxResults bound) and this many when
    /// MaxResults is absent.
    static let listFragmentsMaxResults = 1_000
    static let listFragmentsDefaultResults = 1_000
    /// GetClip's largest file (AWS: 100 MB) and longest range (24 hours).
    static let clipBytesMax = 100 * 1024 * 1024
    static let clipRangeMsMax: Int64 = 24 * 3_600_000
}
