#if canImport(Glibc)
import Glibc
#endif

/// One segment of a log: the file `<20-digit base offset>.log` holding consecutive records from `baseOffset`,
/// with its `.index` and `.timeindex` beside it, and its in-memory sparse indexes.
///
/// It exists so a log is a list of bounded files: retention deletes whole segments, recovery scans only the last.
/// A value type living in the log's state under the log's mutex; `file` is shared by reference so readers can
/// `pread` after releasing the lock. Only the last segment of a log (the active one) is ever appended to.
struct Segment: Sendable {
    let baseOffset: UInt64
    let file: OpenFile
    /// Bytes of the file in use: the header plus every fully written frame.
    var sizeBytes: Int
    /// One past the last record in this segment (`baseOffset` when empty).
    var nextOffset: UInt64
    /// Timestamp of the last record, the largest of the segment; nil when empty.
    var lastTimestampMs: Int64?
    var index: SegmentIndex

    static let logExtension = "log"
    static let offsetIndexExtension = "index"
    static let timeIndexExtension = "timeindex"
    static let baseOffsetDigits = 20

    /// The file name of a segment file, e.g. `00000000000000001234.log`.
    static func fileName(baseOffset: UInt64, extension fileExtension: String) -> String {
        let digits = String(baseOffset)
        return String(repeating: "0", count: baseOffsetDigits - digits.count) + digits + "." + fileExtension
    }

    /// The base offset named by a `.log` file name, or nil for any other file.
    static func baseOffset(ofFileName name: String) -> UInt64? {
        let suffix = "." + logExtension
        guard name.hasSuffix(suffix) else { return nil }
        let digits = name.dropLast(suffix.count)
        guard digits.count == baseOffsetDigits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }

    /// Creates an empty segment file (header only) in `directory`, replacing any file of that name.
    static func create(directory: String, baseOffset: UInt64) throws -> Segment {
        let path = directory + "/" + fileName(baseOffset: baseOffset, extension: logExtension)
        let file = try OpenFile(path: path, flags: O_RDWR | O_CREAT | O_TRUNC)
        try file.write(SegmentHeader.encode(baseOffset: baseOffset), at: 0)
        return Segment(
            baseOffset: baseOffset, file: file, sizeBytes: SegmentHeader.bytes, nextOffset: baseOffset,
            lastTimestampMs: nil, index: SegmentIndex())
    }

    var isEmpty: Bool {
        nextOffset == baseOffset
    }

    /// The paths of this segment's three files.
    func paths(directory: String) -> [String] {
        [Segment.logExtension, Segment.offsetIndexExtension, Segment.timeIndexExtension].map {
            directory + "/" + Segment.fileName(baseOffset: baseOffset, extension: $0)
        }
    }

    /// Writes the `.index` and `.timeindex` files describing this segment as it is now (atomic replace).
    func writeIndexFiles(directory: String) throws {
        let offsetIndex = SegmentIndexFile.encodeOffsetIndex(index, segmentBytes: sizeBytes)
        let timeIndex = SegmentIndexFile.encodeTimeIndex(
            index, segmentBytes: sizeBytes, nextOffset: nextOffset, lastTimestampMs: lastTimestampMs)
        try FileSystem.writeAtomically(
            offsetIndex, directory: directory,
            name: Segment.fileName(baseOffset: baseOffset, extension: Segment.offsetIndexExtension))
        try FileSystem.writeAtomically(
            timeIndex, directory: directory,
            name: Segment.fileName(baseOffset: baseOffset, extension: Segment.timeIndexExtension))
    }

    /// Accounts for `records` written as one batch of frames at the end of the file.
    mutating func recordBatch(
        _ records: [LogRecordInput], firstOffset: UInt64, timestampMs: Int64, indexIntervalBytes: Int
    ) {
        precondition(firstOffset == nextOffset, "a batch must continue the segment")
        var position = sizeBytes
        for (number, record) in records.enumerated() {
            let frameBytes = RecordFrame.encodedBytes(keyBytes: record.key.count, valueBytes: record.value.count)
            index.recordFrame(
                relativeOffset: UInt32(firstOffset + UInt64(number) - baseOffset), position: position,
                timestampMs: timestampMs, frameBytes: frameBytes, indexIntervalBytes: indexIntervalBytes)
            position += frameBytes
        }
        sizeBytes = position
        nextOffset = firstOffset + UInt64(records.count)
        lastTimestampMs = timestampMs
    }
}
