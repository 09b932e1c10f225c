/// The on-disk `.index` and `.timeindex` files of a sealed segment.
///
/// They exist so opening a log does not scan every segment: only the last segment is scanned, earlier ones load
/// these files. Indexes are rebuildable from the segment, so they carry no checksum; instead the header states
/// the segment size it describes and the entry count, and a file that is missing, shorter or longer than that,
/// of another version, or with entries out of order is rebuilt by scanning the segment. Both files are written
/// atomically (temp file + rename), so a crash leaves the old file or the new one.
/// All integers little-endian.
///
/// `.index`:
///
/// | offset | size | field                                                 |
/// |--------|------|-------------------------------------------------------|
/// | 0      | 4    | magic "TRBI"                                          |
/// | 4      | 1    | format version (1)                                    |
/// | 5      | 3    | reserved, zero                                        |
/// | 8      | 8    | size in bytes of the `.log` file described (UInt64)   |
/// | 16     | 4    | entry count n (UInt32)                                |
/// | 20     | 4    | reserved, zero                                        |
/// | 24     | 8n   | entries: relative offset (UInt32), position (UInt32)  |
///
/// `.timeindex`:
///
/// | offset | size | field                                                        |
/// |--------|------|--------------------------------------------------------------|
/// | 0      | 4    | magic "TRBT"                                                 |
/// | 4      | 1    | format version (1)                                           |
/// | 5      | 3    | reserved, zero                                               |
/// | 8      | 8    | size in bytes of the `.log` file described (UInt64)          |
/// | 16     | 4    | entry count n (UInt32)                                       |
/// | 20     | 4    | reserved, zero                                               |
/// | 24     | 8    | next offset: one past the segment's last record (UInt64)     |
/// | 32     | 8    | last record's timestampMs (Int64; Int64.min when empty)      |
/// | 40     | 12n  | entries: timestampMs (Int64), relative offset (UInt32)       |
enum SegmentIndexFile {
    static let offsetMagic: [UInt8] = Array("TRBI".utf8)
    static let timeMagic: [UInt8] = Array("TRBT".utf8)
    static let version: UInt8 = 1
    static let offsetHeaderBytes = 24
    static let offsetEntryBytes = 8
    static let timeHeaderBytes = 40
    static let timeEntryBytes = 12

    static func encodeOffsetIndex(_ index: SegmentIndex, segmentBytes: Int) -> [UInt8] {
        var bytes = header(magic: offsetMagic, segmentBytes: segmentBytes, entryCount: index.offsetEntries.count)
        for entry in index.offsetEntries {
            LittleEndian.append(entry.relativeOffset, to: &bytes)
            LittleEndian.append(entry.position, to: &bytes)
        }
        return bytes
    }

    static func encodeTimeIndex(
        _ index: SegmentIndex, segmentBytes: Int, nextOffset: UInt64, lastTimestampMs: Int64?
    ) -> [UInt8] {
        var bytes = header(magic: timeMagic, segmentBytes: segmentBytes, entryCount: index.timeEntries.count)
        LittleEndian.append(nextOffset, to: &bytes)
        LittleEndian.append(lastTimestampMs ?? Int64.min, to: &bytes)
        for entry in index.timeEntries {
            LittleEndian.append(entry.timestampMs, to: &bytes)
            LittleEndian.append(entry.relativeOffset, to: &bytes)
        }
        return bytes
    }

    /// The segment facts the two files describe, or nil when either must be rebuilt.
    static func decode(offsetIndex: [UInt8]?, timeIndex: [UInt8]?, segmentBytes: Int) -> LoadedSegmentIndex? {
        guard let offsetIndex, let timeIndex,
              let offsetCount = entryCount(offsetIndex, magic: offsetMagic, headerBytes: offsetHeaderBytes,
                                           entryBytes: offsetEntryBytes, segmentBytes: segmentBytes),
              let timeCount = entryCount(timeIndex, magic: timeMagic, headerBytes: timeHeaderBytes,
                                         entryBytes: timeEntryBytes, segmentBytes: segmentBytes),
              offsetCount == timeCount
        else { return nil }
        var index = SegmentIndex()
        for entryNumber in 0 ..< offsetCount {
            let offsetPosition = offsetHeaderBytes + entryNumber * offsetEntryBytes
            let offsetEntry = OffsetIndexEntry(
                relativeOffset: LittleEndian.read(UInt32.self, from: offsetIndex, at: offsetPosition),
                position: LittleEndian.read(UInt32.self, from: offsetIndex, at: offsetPosition + 4))
            let timePosition = timeHeaderBytes + entryNumber * timeEntryBytes
            let timeEntry = TimeIndexEntry(
                timestampMs: LittleEndian.read(Int64.self, from: timeIndex, at: timePosition),
                relativeOffset: LittleEndian.read(UInt32.self, from: timeIndex, at: timePosition + 8))
            guard isInOrder(offsetEntry, timeEntry, after: index, segmentBytes: segmentBytes) else { return nil }
            index.offsetEntries.append(offsetEntry)
            index.timeEntries.append(timeEntry)
        }
        let lastTimestampMs = LittleEndian.read(Int64.self, from: timeIndex, at: 32)
        return LoadedSegmentIndex(
            index: index,
            nextOffset: LittleEndian.read(UInt64.self, from: timeIndex, at: 24),
            lastTimestampMs: offsetCount == 0 ? nil : lastTimestampMs)
    }

    private static func header(magic: [UInt8], segmentBytes: Int, entryCount: Int) -> [UInt8] {
        var bytes = magic
        bytes.append(version)
        bytes.append(contentsOf: [0, 0, 0])
        LittleEndian.append(UInt64(segmentBytes), to: &bytes)
        LittleEndian.append(UInt32(entryCount), to: &bytes)
        LittleEndian.append(UInt32(0), to: &bytes)
        return bytes
    }

    /// The entry count when the header is valid for `segmentBytes` and the file length matches it exactly.
    private static func entryCount(
        _ bytes: [UInt8], magic: [UInt8], headerBytes: Int, entryBytes: Int, segmentBytes: Int
    ) -> Int? {
        guard bytes.count >= headerBytes, Array(bytes[0 ..< 4]) == magic, bytes[4] == version,
              LittleEndian.read(UInt64.self, from: bytes, at: 8) == UInt64(segmentBytes)
        else { return nil }
        let count = Int(LittleEndian.read(UInt32.self, from: bytes, at: 16))
        guard bytes.count == headerBytes + count * entryBytes else { return nil }
        return count
    }

    private static func isInOrder(
        _ offsetEntry: OffsetIndexEntry, _ timeEntry: TimeIndexEntry, after index: SegmentIndex, segmentBytes: Int
    ) -> Bool {
        guard offsetEntry.relativeOffset == timeEntry.relativeOffset,
              Int(offsetEntry.position) >= SegmentHeader.bytes, Int(offsetEntry.position) < segmentBytes
        else { return false }
        guard let previousOffset = index.offsetEntries.last, let previousTime = index.timeEntries.last else {
            return true
        }
        return previousOffset.relativeOffset < offsetEntry.relativeOffset
            && previousOffset.position < offsetEntry.position
            && previousTime.timestampMs <= timeEntry.timestampMs
    }
}
