/// Every bound of the Kinesis Video Streams control plane, with its reason.
enum VideoLimits {
    /// AWS's default quota: 10,000 streams per account and region (CreateStream answers
    /// AccountStreamLimitExceededException beyond it). It also bounds the catalog held in memory.
    static let streamsMax = 10_000
    /// AWS: "A Kinesis video stream can support up to 50 tags" (TagsPerResourceExceededLimitException beyond).
    static let tagsMax = 50
    /// AWS: data retention is at most 87,600 hours (ten years).
    static let dataRetentionHoursMax = 87_600
    /// AWS: ListStreams' MaxResults defaults to 10,000 (its ceiling in the model too).
    static let listStreamsDefault = 10_000
    /// AWS: a stream with no retention (0 hours) still serves fragments from a buffer kept for 5 minutes.
    static let bufferRetentionMs: Int64 = 300_000
    /// AWS: image generation's SamplingInterval is at least 200 ms (GetImages has the same floor).
    static let samplingIntervalMinMs: Int64 = 200
    /// AWS: FormatConfig's JPEGQuality is an integer from 1 to 100.
    static let jpegQualityRange: ClosedRange<Int> = 1...100
    /// Length of the opaque version strings a stream gets at creation and on every metadata change.
    static let versionLength = 20
    /// How often `run()` looks for transitions that are due.
    static let reconcileIntervalMs = 100
}
