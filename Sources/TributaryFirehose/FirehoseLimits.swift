/// Every bound of the Firehose module, with its reason.
enum FirehoseLimits {
    /// AWS: PutRecordBatch takes at most 500 records.
    static let batchRecordsMax = 500
    /// AWS: a PutRecordBatch request carries at most 4 MiB of record data.
    static let batchBytesMax = 4 << 20
    /// AWS: one record's data is at most 1,000 KiB before base64.
    static let recordBytesMax = 1000 * 1024
    /// AWS: ListDeliveryStreams returns at most 10,000 names per call (Limit's ceiling) and 10 by default.
    static let listDefault = 10
    /// AWS: at most 50 tags per delivery stream.
    static let tagsMax = 50
    /// AWS's defaults for S3 buffering hints (MiB and seconds).
    static let s3BufferSizeDefaultMiB = 5
    static let s3BufferIntervalDefaultSeconds = 300
    /// AWS's defaults for HTTP endpoint buffering and retries.
    static let httpBufferSizeDefaultMiB = 5
    static let httpBufferIntervalDefaultSeconds = 300
    static let httpRetryDurationDefaultSeconds = 300
    /// How long an S3 delivery is retried before its batch is given up, as AWS's 24-hour window.
    static let s3RetryWindowDefaultSeconds = 24 * 3600
    /// Back-off between delivery attempts: starts here, doubles, stops growing at the ceiling.
    static let retryBackoffFloorMs = 200
    static let retryBackoffCeilingMs = 10_000
    /// Records read from the buffer per step of a delivery; bounds memory together with the size hint.
    static let bufferReadRecordsMax = 10_000
    /// A Lambda-style transform request carries at most 6 MB, as Lambda's synchronous payload limit.
    static let transformPayloadBytesMax = 6_000_000
    /// Segment size of the buffer logs: small, so delivered data leaves the disk soon after delivery.
    static let bufferSegmentBytes = 4 << 20
    /// Records a data-stream source reads per shard and step.
    static let sourceReadRecordsMax = 1000
}

extension FirehoseLimits {
    /// A compressed record may expand to at most this much (bounds memory against compression bombs).
    static let recordDecompressedBytesMax = 64 << 20
    /// AWS: de-aggregation by JSON or delimiter yields at most 500 records per record.
    static let deaggregatedRecordsMax = 500
}
