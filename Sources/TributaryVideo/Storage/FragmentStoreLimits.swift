/// Every bound of fragment storage in one place, each with its reason.
enum FragmentStoreLimits {
    /// Largest value of one media-log record: 8 MiB. A part larger than this (in practice only a Cluster) is cut
    /// into several records, because the log refuses records over 16 MiB and AWS allows 50 MB per fragment.
    static let recordValueBytesMax = 8 << 20

    /// Largest fragment (head + cluster + tags) storage accepts: 60 MiB. A fragment is one atomic batch and the log
    /// refuses batches over 64 MiB; the remaining 4 MiB covers record framing and keys with a wide margin. Ingest
    /// refuses fragments over AWS's own 50 MB limit (PutMedia error 4001) before they get here.
    static let fragmentBytesMax = 60 << 20

    /// Records read per page while loading a stream's index log (about 45 bytes each, so about 450 KB a page).
    static let indexRecordsPerRead = 10_000
}
