#if canImport(Glibc)
import Glibc
#endif

extension FileRecordLog {
    /// Opens the segments of a log directory (creating the directory and a first segment when absent).
    ///
    /// Only the last segment is scanned, frame by frame with length and CRC checks; a torn or corrupt tail is cut
    /// off with `ftruncate` and fsynced, so it is never served, and its index is rebuilt in memory. Earlier
    /// segments are trusted: their index files are loaded, or rebuilt by a scan when missing or inconsistent.
    /// Leftover temporary files of interrupted index writes are removed.
    static func recover(directory: String, configuration: LogConfiguration, committer: GroupCommitter) throws -> State {
        try FileSystem.createDirectories(directory)
        var baseOffsets: [UInt64] = []
        for name in try FileSystem.contentsOfDirectory(directory) {
            if FileSystem.isTemporary(name) {
                try FileSystem.removeFile(directory + "/" + name)
            } else if let baseOffset = Segment.baseOffset(ofFileName: name) {
                baseOffsets.append(baseOffset)
            }
        }
        baseOffsets.sort()
        var segments: [Segment] = []
        for baseOffset in baseOffsets.dropLast() {
            segments.append(try openSealed(directory: directory, baseOffset: baseOffset, configuration: configuration))
        }
        var state: State
        if let lastBaseOffset = baseOffsets.last {
            segments.append(try openLast(
                directory: directory, baseOffset: lastBaseOffset, configuration: configuration, committer: committer))
            let lastTimestampMs = segments.last(where: { !$0.isEmpty })?.lastTimestampMs
            let nextOffset = segments[segments.count - 1].nextOffset
            state = State(
                segments: segments, startOffset: segments[0].baseOffset, nextOffset: nextOffset,
                lastWrittenTimestampMs: lastTimestampMs, synchronizedOffset: nextOffset,
                committedOffset: nextOffset, committedTimestampMs: lastTimestampMs)
        } else {
            let first = try Segment.create(directory: directory, baseOffset: 0)
            state = State(
                segments: [first], startOffset: 0, nextOffset: 0, lastWrittenTimestampMs: nil,
                synchronizedOffset: 0, committedOffset: 0, committedTimestampMs: nil)
            // The new file and its header become durable with the first fsync pass.
            state.directoryChangeCount = 1
            state.synchronizedOffset = 0
        }
        return state
    }

    /// Opens a sealed segment, loading its index files or rebuilding them by a scan.
    private static func openSealed(directory: String, baseOffset: UInt64, configuration: LogConfiguration) throws -> Segment {
        let file = try openChecked(directory: directory, baseOffset: baseOffset)
        let sizeBytes = try file.sizeBytes()
        // An unreadable or oversized index file is just rebuilt.
        let offsetIndex = try? FileSystem.readFile(
            directory + "/" + Segment.fileName(baseOffset: baseOffset, extension: Segment.offsetIndexExtension),
            bytesMax: sizeBytes + SegmentIndexFile.offsetHeaderBytes)
        let timeIndex = try? FileSystem.readFile(
            directory + "/" + Segment.fileName(baseOffset: baseOffset, extension: Segment.timeIndexExtension),
            bytesMax: 2 * sizeBytes + SegmentIndexFile.timeHeaderBytes)
        if let loaded = SegmentIndexFile.decode(
            offsetIndex: offsetIndex ?? nil, timeIndex: timeIndex ?? nil, segmentBytes: sizeBytes) {
            return Segment(
                baseOffset: baseOffset, file: file, sizeBytes: sizeBytes, nextOffset: loaded.nextOffset,
                lastTimestampMs: loaded.lastTimestampMs, index: loaded.index)
        }
        // Trusted like any sealed segment: a damaged tail here is not cut, reads of it report corruption.
        var (segment, _) = try Segment.scan(
            file: file, baseOffset: baseOffset, indexIntervalBytes: configuration.indexIntervalBytes)
        segment.sizeBytes = sizeBytes
        try? segment.writeIndexFiles(directory: directory)
        return segment
    }

    /// Opens the last segment, scanning every frame and cutting a damaged tail.
    private static func openLast(
        directory: String, baseOffset: UInt64, configuration: LogConfiguration, committer: GroupCommitter
    ) throws -> Segment {
        let path = directory + "/" + Segment.fileName(baseOffset: baseOffset, extension: Segment.logExtension)
        let file = try OpenFile(path: path, flags: O_RDWR)
        if try file.sizeBytes() < SegmentHeader.bytes {
            // A crash right after creating the file: nothing was ever committed in it.
            try file.truncate(to: 0)
            try file.write(SegmentHeader.encode(baseOffset: baseOffset), at: 0)
            try committer.synchronize(file)
        } else {
            try SegmentHeader.validate(file.read(count: SegmentHeader.bytes, at: 0), baseOffset: baseOffset, path: path)
        }
        let (segment, isTailDamaged) = try Segment.scan(
            file: file, baseOffset: baseOffset, indexIntervalBytes: configuration.indexIntervalBytes)
        if isTailDamaged {
            try file.truncate(to: segment.sizeBytes)
        }
        // Whatever survived may still sit only in the page cache (a process crash under `never`); make it durable
        // before calling it committed.
        try committer.synchronize(file)
        return segment
    }

    private static func openChecked(directory: String, baseOffset: UInt64) throws -> OpenFile {
        let path = directory + "/" + Segment.fileName(baseOffset: baseOffset, extension: Segment.logExtension)
        let file = try OpenFile(path: path, flags: O_RDWR)
        try SegmentHeader.validate(file.read(count: SegmentHeader.bytes, at: 0), baseOffset: baseOffset, path: path)
        return file
    }
}
