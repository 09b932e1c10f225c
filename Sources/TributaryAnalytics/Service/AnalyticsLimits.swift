/// Every bound of the Analytics control plane, with its reason.
enum AnalyticsLimits {
    /// AWS: an application has at most one streaming input.
    static let inputsMax = 1
    /// AWS: an application writes to at most three destinations.
    static let outputsMax = 3
    /// AWS: an application has at most one reference data source.
    static let referenceDataSourcesMax = 1
    /// AWS: at most 50 user tags per application.
    static let tagsMax = 50
    /// AWS: ListApplications answers 50 names at most per call (Limit's ceiling) and that many by default.
    static let listDefault = 50
    /// DiscoverInputSchema samples about this many records, as AWS does.
    static let discoverySampleRecordsMax = 100
    /// How long DiscoverInputSchema waits for records to arrive when it samples a stream from NOW.
    static let discoveryWaitMs = 3000
    /// InputParallelism's default count.
    static let parallelismDefault = 1
    /// GetInApplicationStreamRecords: the newest rows an in-application stream keeps for its watchers. Enough for a
    /// console page polling every second at a few hundred rows per second; at most about 25 MB for a stream of the
    /// widest rows (error_stream's 48 KiB DATA_ROW).
    static let tappedRowsMax = 500
    /// GetInApplicationStreamRecords: how long a call keeps a stream recording rows; each call starts it again.
    static let tapWatchMs: Int64 = 30_000
}
