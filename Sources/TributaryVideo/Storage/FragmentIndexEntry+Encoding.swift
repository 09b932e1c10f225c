/// The two on-disk descriptions of a fragment. All integers are little-endian.
///
/// Index record (the value of the fragment's record in the index log; its key is empty):
///
/// | offset | size | field                                                        |
/// |--------|------|--------------------------------------------------------------|
/// | 0      | 1    | format version, `indexFormatVersion`                         |
/// | 1      | 8    | media-log offset of the fragment's first record (`UInt64`)   |
/// | 9      | 36   | description (below)                                          |
///
/// Media header (the key of the first record of the fragment's media batch, so the index can be rebuilt from the
/// media log alone):
///
/// | offset | size | field                                                        |
/// |--------|------|--------------------------------------------------------------|
/// | 0      | 1    | record kind `h` (`FragmentRecordKind.head`)                  |
/// | 1      | 1    | format version, `indexFormatVersion`                         |
/// | 2      | 36   | description (below)                                          |
///
/// Description:
///
/// | offset | size | field                                                        |
/// |--------|------|--------------------------------------------------------------|
/// | +0     | 4    | records in the media batch (`UInt32`)                        |
/// | +4     | 8    | producer timestamp, ms since 1970 (`Int64`)                  |
/// | +12    | 8    | server timestamp, ms since 1970 (`Int64`)                    |
/// | +20    | 8    | duration, ms (`Int64`)                                       |
/// | +28    | 8    | cluster size, bytes (`UInt64`)                               |
///
/// Neither carries a checksum: the log already checks every record's CRC.
extension FragmentIndexEntry {
    static let indexFormatVersion: UInt8 = 1
    static let descriptionBytes = 36
    static let indexRecordBytes = 9 + descriptionBytes
    static let mediaHeaderBytes = 2 + descriptionBytes
    /// A batch holds at least one head, one cluster and one tags record.
    static let recordCountMin = 3

    /// The index-log record value for this entry.
    var encodedIndexRecord: [UInt8] {
        var bytes: [UInt8] = [Self.indexFormatVersion]
        bytes.reserveCapacity(Self.indexRecordBytes)
        appendLittleEndian(fragment.number.offset, to: &bytes)
        appendDescription(to: &bytes)
        return bytes
    }

    /// The media header: the key of the first record of the fragment's batch.
    var encodedMediaHeader: [UInt8] {
        var bytes: [UInt8] = [FragmentRecordKind.head.rawValue, Self.indexFormatVersion]
        bytes.reserveCapacity(Self.mediaHeaderBytes)
        appendDescription(to: &bytes)
        return bytes
    }

    /// Decodes the index record found at `indexOffset` of `stream`'s index log.
    static func decode(indexRecord bytes: [UInt8], indexOffset: UInt64, stream: String) throws -> FragmentIndexEntry {
        let corrupt = { (reason: String) in
            FragmentStoreError.corruptIndexRecord(stream: stream, offset: indexOffset, reason: reason)
        }
        guard bytes.count == indexRecordBytes else {
            throw corrupt("\(bytes.count) bytes, expected \(indexRecordBytes)")
        }
        guard bytes[0] == indexFormatVersion else { throw corrupt("unknown format version \(bytes[0])") }
        let mediaOffset = readLittleEndian(UInt64.self, from: bytes, at: 1)
        guard let entry = decodeDescription(bytes, at: 9, mediaOffset: mediaOffset, indexOffset: indexOffset) else {
            throw corrupt("implausible fragment description")
        }
        return entry
    }

    /// Decodes the media header of the batch starting at `mediaOffset` of `stream`'s media log.
    static func decode(mediaHeader bytes: [UInt8], mediaOffset: UInt64, stream: String) throws -> FragmentIndexEntry {
        let corrupt = { (reason: String) in
            FragmentStoreError.corruptMediaRecord(stream: stream, offset: mediaOffset, reason: reason)
        }
        guard bytes.count == mediaHeaderBytes, bytes[0] == FragmentRecordKind.head.rawValue else {
            throw corrupt("the record does not start a fragment (key of \(bytes.count) bytes)")
        }
        guard bytes[1] == indexFormatVersion else { throw corrupt("unknown format version \(bytes[1])") }
        guard let entry = decodeDescription(bytes, at: 2, mediaOffset: mediaOffset, indexOffset: nil) else {
            throw corrupt("implausible fragment description")
        }
        return entry
    }

    private func appendDescription(to bytes: inout [UInt8]) {
        appendLittleEndian(UInt32(recordCount), to: &bytes)
        appendLittleEndian(fragment.producerTimestampMs, to: &bytes)
        appendLittleEndian(fragment.serverTimestampMs, to: &bytes)
        appendLittleEndian(fragment.durationMs, to: &bytes)
        appendLittleEndian(UInt64(fragment.sizeBytes), to: &bytes)
    }

    /// nil when a field lies outside what `FragmentStore` ever writes (the caller has checked the length).
    private static func decodeDescription(
        _ bytes: [UInt8], at start: Int, mediaOffset: UInt64, indexOffset: UInt64?
    ) -> FragmentIndexEntry? {
        let recordCount = Int(readLittleEndian(UInt32.self, from: bytes, at: start))
        let durationMs = readLittleEndian(Int64.self, from: bytes, at: start + 20)
        let sizeBytes = readLittleEndian(UInt64.self, from: bytes, at: start + 28)
        guard recordCount >= recordCountMin, durationMs >= 0,
              sizeBytes <= UInt64(FragmentStoreLimits.fragmentBytesMax),
              mediaOffset <= UInt64.max - UInt64(recordCount) else { return nil }
        let fragment = StoredFragment(
            number: FragmentNumber(offset: mediaOffset),
            producerTimestampMs: readLittleEndian(Int64.self, from: bytes, at: start + 4),
            serverTimestampMs: readLittleEndian(Int64.self, from: bytes, at: start + 12),
            durationMs: durationMs, sizeBytes: Int(sizeBytes))
        return FragmentIndexEntry(fragment: fragment, recordCount: recordCount, indexOffset: indexOffset)
    }
}

private func appendLittleEndian<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
}

/// The caller has checked that `position + size` lies inside `bytes`.
private func readLittleEndian<Integer: FixedWidthInteger>(_ type: Integer.Type, from bytes: [UInt8], at position: Int) -> Integer {
    precondition(position >= 0 && position + MemoryLayout<Integer>.size <= bytes.count, "read past the buffer")
    return bytes.withUnsafeBytes { Integer(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: Integer.self)) }
}
