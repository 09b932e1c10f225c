import TributaryLog

/// The sizes and arrival times of the undelivered records a worker has looked at, kept between rounds so a growing
/// buffer is read once, not once per round.
struct BufferScan: Sendable {
    private(set) var entries: [(offset: UInt64, bytes: Int, arrivalMs: Int64)] = []
    /// One past the last offset scanned.
    private(set) var end: UInt64 = 0
    private var bytes = 0

    /// Scans from where it stopped (or `start`) until the log's end or until `upToBytes` are covered.
    mutating func advance(log: any RecordLog, from start: UInt64, upToBytes: Int) throws {
        if end < start {
            entries = []
            bytes = 0
            end = start
        }
        while end < log.endOffset, bytes < upToBytes {
            let chunk = try log.read(from: end, maxRecords: FirehoseLimits.bufferReadRecordsMax, maxBytes: 8 << 20)
            guard let last = chunk.last else { break }
            for record in chunk {
                entries.append((record.offset, record.value.count, record.timestampMs))
                bytes += record.value.count
            }
            end = last.offset + 1
        }
    }

    /// Forgets what was delivered.
    mutating func drop(below offset: UInt64) {
        entries.removeAll { $0.offset < offset }
        bytes = entries.reduce(0) { $0 + $1.bytes }
        end = max(end, offset)
    }
}
