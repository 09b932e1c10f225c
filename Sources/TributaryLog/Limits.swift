/// Every bound of the log module in one place, each with its reason.
enum Limits {
    /// Smallest accepted `segmentBytesMax`: room for the header and a few small records. Tests use tiny
    /// segments to exercise rolling; production uses megabytes.
    static let segmentBytesFloor = 64

    /// Largest accepted `segmentBytesMax`. Index entries store file positions as `UInt32`, so a segment must
    /// stay below 4 GiB even when one oversized batch (up to `batchBytesMax`) lands in it; 1 GiB keeps a wide
    /// margin and bounds recovery time (only the last segment is scanned at open).
    static let segmentBytesCeiling = 1 << 30

    /// Largest key plus value of one record: 16 MiB. Kinesis allows 10 MiB per record; the bound keeps a
    /// hostile or corrupt length field from making us allocate gigabytes.
    static let recordBytesMax = 16 << 20

    /// Largest encoded batch: 64 MiB. A PutRecords call carries at most 10 MiB for a whole request; the bound
    /// keeps one append's buffer and one segment's overshoot small.
    static let batchBytesMax = 64 << 20

    /// Largest frame accepted when decoding: a record at `recordBytesMax` plus framing. Any larger length field
    /// on disk is corruption.
    static let frameBytesMax = recordBytesMax + RecordFrame.overheadBytes

    /// Bytes read per `pread` when serving reads: big enough to amortize the call over many small records,
    /// small enough that a read of one record costs little.
    static let readChunkBytes = 64 << 10

    /// Bytes read per `pread` when scanning a whole segment at recovery or index rebuild.
    static let scanChunkBytes = 1 << 20

    /// Longest accepted `fsync` interval: one hour; longer means `never` in practice.
    static let fsyncIntervalMillisecondsCeiling = 3_600_000

    /// Longest file or directory name on Linux file systems (NAME_MAX); applies to log path components and to
    /// escaped metadata keys.
    static let fileNameBytesMax = 255

    /// Largest metadata document read back at load: 16 MiB. Documents are small (a stream's description);
    /// the bound keeps a stray huge file from exhausting memory at start-up.
    static let metadataValueBytesMax = 16 << 20
}
