import TributaryLog

/// Turns a fragment into the records of its one media-log batch, and those records back into its parts.
///
/// Layout of a batch (every part has at least one record, even when empty, so the layout never varies):
///
/// | records      | key                                   | value                                  |
/// |--------------|---------------------------------------|----------------------------------------|
/// | 1            | media header (`FragmentIndexEntry`)   | head, first `recordValueBytesMax` bytes |
/// | 0 or more    | `h`                                   | rest of the head, in order             |
/// | 1 or more    | `c`                                   | the cluster, in order                  |
/// | 1 or more    | `t`                                   | the tags, in order                     |
///
/// Each value holds at most `FragmentStoreLimits.recordValueBytesMax` bytes. The batch is appended atomically, so
/// a reader sees all of a fragment or none of it.
enum FragmentMediaBatch {
    /// The batch for `input`, and the entry its header describes (numbered 0: the log assigns the real number).
    static func encode(_ input: FragmentInput) throws -> (header: FragmentIndexEntry, records: [LogRecordInput]) {
        let totalBytes = input.head.count + input.cluster.count + input.tags.count
        guard totalBytes <= FragmentStoreLimits.fragmentBytesMax else {
            throw FragmentStoreError.fragmentTooLarge(bytes: totalBytes, bytesMax: FragmentStoreLimits.fragmentBytesMax)
        }
        let headChunks = chunks(of: input.head)
        let clusterChunks = chunks(of: input.cluster)
        let tagsChunks = chunks(of: input.tags)
        let header = FragmentIndexEntry(
            fragment: StoredFragment(
                number: FragmentNumber(offset: 0), producerTimestampMs: input.producerTimestampMs,
                // A fragment cannot last less than nothing; ingest's arithmetic on odd timecodes must not make the
                // stored entry unreadable.
                serverTimestampMs: input.serverTimestampMs, durationMs: max(0, input.durationMs),
                sizeBytes: input.cluster.count),
            recordCount: headChunks.count + clusterChunks.count + tagsChunks.count, indexOffset: nil)
        var records: [LogRecordInput] = []
        records.reserveCapacity(header.recordCount)
        for (number, chunk) in headChunks.enumerated() {
            records.append(LogRecordInput(
                key: number == 0 ? header.encodedMediaHeader : [FragmentRecordKind.head.rawValue], value: Array(chunk)))
        }
        records += clusterChunks.map { LogRecordInput(key: [FragmentRecordKind.cluster.rawValue], value: Array($0)) }
        records += tagsChunks.map { LogRecordInput(key: [FragmentRecordKind.tags.rawValue], value: Array($0)) }
        return (header, records)
    }

    /// The parts of the fragment `entry` describes, from its batch's records read back from `stream`'s media log.
    static func content(of records: [LogRecord], entry: FragmentIndexEntry, stream: String) throws -> FragmentContent {
        let first = entry.fragment.number.offset
        guard records.count == entry.recordCount else {
            throw FragmentStoreError.corruptMediaRecord(
                stream: stream, offset: first, reason: "\(records.count) records, the index promises \(entry.recordCount)")
        }
        var parts: [FragmentRecordKind: [UInt8]] = [.head: [], .cluster: [], .tags: []]
        var previousKind = FragmentRecordKind.head
        for (position, record) in records.enumerated() {
            let corrupt = { (reason: String) in
                FragmentStoreError.corruptMediaRecord(stream: stream, offset: record.offset, reason: reason)
            }
            guard record.offset == first + UInt64(position) else { throw corrupt("records are not consecutive") }
            let kind: FragmentRecordKind
            if position == 0 {
                let header = try FragmentIndexEntry.decode(mediaHeader: record.key, mediaOffset: first, stream: stream)
                guard header.fragment == entry.fragment, header.recordCount == entry.recordCount else {
                    throw corrupt("the media header does not match the index entry")
                }
                kind = .head
            } else {
                guard record.key.count == 1, let decoded = FragmentRecordKind(rawValue: record.key[0]) else {
                    throw corrupt("unknown record key of \(record.key.count) bytes")
                }
                kind = decoded
            }
            guard kind == previousKind || kind == previousKind.next else {
                throw corrupt("a \(kind) record after a \(previousKind) record")
            }
            previousKind = kind
            parts[kind, default: []] += record.value
        }
        guard previousKind == .tags else { throw FragmentStoreError.corruptMediaRecord(
            stream: stream, offset: first, reason: "the batch has no tags record") }
        let cluster = parts[.cluster] ?? []
        guard cluster.count == entry.fragment.sizeBytes else {
            throw FragmentStoreError.corruptMediaRecord(
                stream: stream, offset: first,
                reason: "cluster of \(cluster.count) bytes, the index promises \(entry.fragment.sizeBytes)")
        }
        return FragmentContent(fragment: entry.fragment, head: parts[.head] ?? [], cluster: cluster, tags: parts[.tags] ?? [])
    }

    /// `bytes` cut into pieces of at most `recordValueBytesMax`; one empty piece when `bytes` is empty.
    private static func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard !bytes.isEmpty else { return [[]] }
        return stride(from: 0, to: bytes.count, by: FragmentStoreLimits.recordValueBytesMax).map {
            bytes[$0 ..< min($0 + FragmentStoreLimits.recordValueBytesMax, bytes.count)]
        }
    }
}
