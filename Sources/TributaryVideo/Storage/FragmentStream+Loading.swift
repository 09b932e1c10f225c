import TributaryLog

extension FragmentStream {
    /// Opens the stream's two logs under `["video", key, …]` (creating them when absent) and builds its index:
    /// every index record, checked against the media log's range, then the fragments of every complete media batch
    /// after the last indexed one (a crash came between the two appends). Those repaired entries are written to
    /// the index log by the next append; until then every load derives them again. Only reads: loading twice is
    /// harmless.
    static func open(key: String, records: any RecordStore) throws -> FragmentStream {
        let mediaLog = try records.log(LogIdentifier(["video", key, "media"]))
        let indexLog = try records.log(LogIdentifier(["video", key, "index"]))
        let mediaOffsets = mediaLog.startOffset ..< mediaLog.endOffset
        var index = StreamFragmentIndex(indexRecords: try readIndexRecords(indexLog, stream: key), mediaOffsets: mediaOffsets)
        var offset = max(index.mediaEndOffset ?? 0, mediaOffsets.lowerBound)
        while offset < mediaOffsets.upperBound {
            let entry = try readMediaHeader(mediaLog, at: offset, stream: key)
            guard entry.mediaEndOffset <= mediaOffsets.upperBound else {
                throw FragmentStoreError.corruptMediaRecord(
                    stream: key, offset: offset,
                    reason: "the batch claims \(entry.recordCount) records, the log ends at \(mediaOffsets.upperBound)")
            }
            index.append(entry)
            offset = entry.mediaEndOffset
        }
        return FragmentStream(key: key, mediaLog: mediaLog, indexLog: indexLog, index: index)
    }

    private static func readIndexRecords(_ indexLog: any RecordLog, stream: String) throws -> [FragmentIndexEntry] {
        var entries: [FragmentIndexEntry] = []
        var offset = indexLog.startOffset
        let endOffset = indexLog.endOffset
        while offset < endOffset {
            let page = try indexLog.read(
                from: offset, maxRecords: FragmentStoreLimits.indexRecordsPerRead, maxBytes: Int.max)
            guard let last = page.last else { break }
            for record in page {
                entries.append(try FragmentIndexEntry.decode(indexRecord: record.value, indexOffset: record.offset, stream: stream))
            }
            offset = last.offset + 1
        }
        return entries
    }

    /// The entry the media header at `offset` describes; throws when no fragment batch starts there.
    private static func readMediaHeader(_ mediaLog: any RecordLog, at offset: UInt64, stream: String) throws -> FragmentIndexEntry {
        guard let record = try mediaLog.read(from: offset, maxRecords: 1, maxBytes: 0).first, record.offset == offset else {
            throw FragmentStoreError.corruptMediaRecord(stream: stream, offset: offset, reason: "the record cannot be read")
        }
        return try FragmentIndexEntry.decode(mediaHeader: record.key, mediaOffset: offset, stream: stream)
    }
}
