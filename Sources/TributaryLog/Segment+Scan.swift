extension Segment {
    /// Rebuilds a segment's in-memory state by reading every frame of its file: the recovery of the last segment
    /// and of a sealed segment whose index files are unusable.
    ///
    /// Stops at the first frame that is torn, fails its CRC, or does not carry the next expected offset; the
    /// returned `sizeBytes` ends before it, and `isTailDamaged` says whether anything followed.
    static func scan(file: OpenFile, baseOffset: UInt64, indexIntervalBytes: Int) throws -> (Segment, isTailDamaged: Bool) {
        let fileBytes = try file.sizeBytes()
        var segment = Segment(
            baseOffset: baseOffset, file: file, sizeBytes: SegmentHeader.bytes, nextOffset: baseOffset,
            lastTimestampMs: nil, index: SegmentIndex())
        var reader = FrameReader(
            file: file, position: SegmentHeader.bytes, limitBytes: fileBytes, chunkBytes: Limits.scanChunkBytes)
        while true {
            switch try reader.next() {
            case .end:
                return (segment, false)
            case .damaged:
                return (segment, true)
            case .frame(let record, let position, let frameBytes):
                let previousTimestampMs = segment.lastTimestampMs ?? Int64.min
                guard record.offset == segment.nextOffset, record.timestampMs >= previousTimestampMs,
                      record.offset - baseOffset < UInt64(UInt32.max)
                else { return (segment, true) }
                segment.index.recordFrame(
                    relativeOffset: UInt32(record.offset - baseOffset), position: position,
                    timestampMs: record.timestampMs, frameBytes: frameBytes, indexIntervalBytes: indexIntervalBytes)
                segment.sizeBytes = position + frameBytes
                segment.nextOffset = record.offset + 1
                segment.lastTimestampMs = record.timestampMs
            }
        }
    }
}
