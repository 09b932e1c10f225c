extension FileRecordLog {
    func read(from offset: UInt64, maxRecords: Int, maxBytes: Int) throws -> [LogRecord] {
        guard maxRecords > 0 else { return [] }
        var records: [LogRecord] = []
        var recordBytes = 0
        var cursor = offset
        segments: while records.count < maxRecords {
            guard let location = state.withLock({ $0.locate(cursor) }) else { break }
            cursor = location.targetOffset
            var reader = FrameReader(
                file: location.file, position: location.position, limitBytes: location.limitBytes,
                chunkBytes: Limits.readChunkBytes)
            frames: while records.count < maxRecords {
                switch try reader.next() {
                case .end:
                    break frames
                case .damaged(let position, let reason):
                    throw LogError.corruptRecord(path: location.file.path, position: position, reason: reason)
                case .frame(let record, _, _):
                    if record.offset < cursor { continue frames }
                    if record.offset >= location.committedOffset { break segments }
                    let bytes = record.key.count + record.value.count
                    if !records.isEmpty && recordBytes + bytes > maxBytes { break segments }
                    records.append(record)
                    recordBytes += bytes
                    cursor = record.offset + 1
                }
            }
            guard let following = location.followingBaseOffset else { break }
            cursor = max(cursor, following)
        }
        return records
    }

    func firstOffset(atOrAfterTimestampMs timestampMs: Int64) throws -> UInt64 {
        let lookup = state.withLock { $0.locate(timestampMs: timestampMs) }
        guard case .scan(let location, let segmentNextOffset) = lookup else {
            if case .resolved(let offset) = lookup { return offset }
            preconditionFailure("unhandled timestamp lookup")
        }
        let clamp = { (offset: UInt64) in min(max(offset, location.startOffset), location.committedOffset) }
        var reader = FrameReader(
            file: location.file, position: location.position, limitBytes: location.limitBytes,
            chunkBytes: Limits.readChunkBytes)
        while true {
            switch try reader.next() {
            case .end:
                return clamp(segmentNextOffset)
            case .damaged(let position, let reason):
                throw LogError.corruptRecord(path: location.file.path, position: position, reason: reason)
            case .frame(let record, _, _):
                if record.offset >= location.committedOffset { return location.committedOffset }
                if record.timestampMs >= timestampMs { return clamp(record.offset) }
            }
        }
    }
}

extension FileRecordLog.State {
    /// Where reading `requested` starts, or nil when there is nothing committed at or after it.
    func locate(_ requested: UInt64) -> ReadLocation? {
        let target = max(requested, startOffset)
        guard target < committedOffset else { return nil }
        let number = segmentNumber(containing: target)
        let segment = segments[number]
        let relativeOffset = UInt32(clamping: target - min(target, segment.baseOffset))
        return ReadLocation(
            file: segment.file, targetOffset: target,
            position: segment.index.position(atOrBefore: relativeOffset) ?? SegmentHeader.bytes,
            limitBytes: segment.sizeBytes, committedOffset: committedOffset, startOffset: startOffset,
            followingBaseOffset: number + 1 < segments.count ? segments[number + 1].baseOffset : nil)
    }

    /// Finds the segment holding the first record at or after `timestampMs` (binary search over the segments'
    /// last timestamps, then over its time index) and where to scan from.
    func locate(timestampMs: Int64) -> TimestampLookup {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if (segments[middle].lastTimestampMs ?? Int64.min) < timestampMs {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < segments.count else { return .resolved(committedOffset) }
        let segment = segments[low]
        guard let entry = segment.index.lastEntry(before: timestampMs) else {
            // The segment's first record is already late enough.
            return .resolved(min(max(segment.baseOffset, startOffset), committedOffset))
        }
        let location = ReadLocation(
            file: segment.file, targetOffset: segment.baseOffset + UInt64(entry.relativeOffset),
            position: segment.index.position(atOrBefore: entry.relativeOffset) ?? SegmentHeader.bytes,
            limitBytes: segment.sizeBytes, committedOffset: committedOffset, startOffset: startOffset,
            followingBaseOffset: nil)
        return .scan(location, segmentNextOffset: segment.nextOffset)
    }
}
