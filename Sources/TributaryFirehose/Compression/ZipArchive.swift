import CZlib

/// A single-entry ZIP archive (PKWARE APPNOTE 6.3), what Firehose writes for `CompressionFormat` `ZIP`: one
/// deflated file inside each `.zip` object, readable by `unzip`, Python's `zipfile` and every desktop tool.
///
/// It exists because zlib produces only the deflate data; the archive structure around it is ours. Layout (all
/// integers little-endian; no data descriptor, since sizes and CRC are known before writing; no ZIP64, so every
/// size and offset must stay below 4 GiB, or `compress` throws):
///
/// | part                   | offset | size | field                                                    |
/// |------------------------|--------|------|----------------------------------------------------------|
/// | local file header      | 0      | 4    | signature 0x04034B50                                     |
/// |                        | 4      | 2    | version needed: 20 (2.0, deflate)                         |
/// |                        | 6      | 2    | flags: bit 11 when the name is UTF-8 beyond ASCII         |
/// |                        | 8      | 2    | method: 8 (deflate)                                      |
/// |                        | 10     | 4    | DOS time, then DOS date                                  |
/// |                        | 14     | 12   | CRC-32, compressed size, uncompressed size               |
/// |                        | 26     | 4    | name length, extra length (0)                            |
/// |                        | 30     | n    | name, then the deflate data                              |
/// | central directory entry| 0      | 4    | signature 0x02014B50                                     |
/// |                        | 4      | 2    | version made by: 0x0314 (Unix, 2.0), so attributes apply |
/// |                        | 6      | 26   | as the local header's offsets 4...29                     |
/// |                        | 32     | 10   | comment length, disk, internal attributes (all 0)        |
/// |                        | 38     | 4    | external attributes: regular file, mode 0644             |
/// |                        | 42     | 4    | offset of the local header (0)                           |
/// |                        | 46     | n    | name                                                     |
/// | end of central directory | 0    | 4    | signature 0x06054B50                                     |
/// |                        | 4      | 8    | disk numbers (0, 0), entry counts (1, 1)                 |
/// |                        | 12     | 8    | central directory size, then its offset                  |
/// |                        | 20     | 2    | comment length (0)                                       |
enum ZipArchive {
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let versionNeeded: UInt16 = 20
    static let versionMadeBy: UInt16 = 3 << 8 | 20
    static let deflateMethod: UInt16 = 8
    static let storedMethod: UInt16 = 0
    static let utf8NameFlag: UInt16 = 1 << 11
    static let regularFileAttributes: UInt32 = 0o100644 << 16
    static let localHeaderBytes = 30
    static let centralHeaderBytes = 46
    static let endRecordBytes = 22

    /// An archive holding `contents` deflated under `name`, stamped `modified`.
    static func singleEntry(named name: String, contents: [UInt8], modified: DOSTimestamp) throws -> [UInt8] {
        let nameBytes = Array(name.utf8)
        precondition(!nameBytes.isEmpty, "a ZIP entry needs a name")
        guard nameBytes.count <= CompressionLimits.zipEntryNameBytesMax else {
            throw CompressionError.inputTooLarge("ZIP entry name is longer than 65535 bytes")
        }
        guard contents.count <= CompressionLimits.zipFieldValueMax else {
            throw CompressionError.inputTooLarge("ZIP entry of \(contents.count) bytes would need ZIP64")
        }
        let compressed = try ZlibStream.deflate(contents, windowBits: ZlibStream.rawDeflateWindowBits)
        let centralOffset = localHeaderBytes + nameBytes.count + compressed.count
        guard centralOffset <= CompressionLimits.zipFieldValueMax else {
            throw CompressionError.inputTooLarge("ZIP archive of \(centralOffset) bytes would need ZIP64")
        }
        let entry = EntryFields(
            flags: nameBytes.allSatisfy { $0 < 0x80 } ? 0 : utf8NameFlag, modified: modified,
            crc: crc32(of: contents), compressedBytes: UInt32(compressed.count),
            uncompressedBytes: UInt32(contents.count),
            nameBytes: nameBytes
        )
        var output: [UInt8] = []
        output.reserveCapacity(centralOffset + centralHeaderBytes + nameBytes.count + endRecordBytes)
        CompressionByteOrder.appendLittleEndian(localHeaderSignature, to: &output)
        entry.appendCommonFields(to: &output)
        output += nameBytes
        output += compressed
        CompressionByteOrder.appendLittleEndian(centralHeaderSignature, to: &output)
        CompressionByteOrder.appendLittleEndian(versionMadeBy, to: &output)
        entry.appendCommonFields(to: &output)
        output += [UInt8](repeating: 0, count: 6)  // comment length, disk number, internal attributes
        CompressionByteOrder.appendLittleEndian(regularFileAttributes, to: &output)
        CompressionByteOrder.appendLittleEndian(UInt32(0), to: &output)  // local header offset
        output += nameBytes
        CompressionByteOrder.appendLittleEndian(endRecordSignature, to: &output)
        output += [0, 0, 0, 0, 1, 0, 1, 0]  // this disk, directory's disk, entries here, entries in all
        CompressionByteOrder.appendLittleEndian(UInt32(centralHeaderBytes + nameBytes.count), to: &output)
        CompressionByteOrder.appendLittleEndian(UInt32(centralOffset), to: &output)
        CompressionByteOrder.appendLittleEndian(UInt16(0), to: &output)  // comment length
        return output
    }

    /// The fields the local header and the central directory entry share, from "version needed" to "extra length".
    private struct EntryFields {
        let flags: UInt16
        let modified: DOSTimestamp
        let crc: UInt32
        let compressedBytes: UInt32
        let uncompressedBytes: UInt32
        let nameBytes: [UInt8]

        func appendCommonFields(to output: inout [UInt8]) {
            for field in [versionNeeded, flags, deflateMethod, modified.time, modified.date] {
                CompressionByteOrder.appendLittleEndian(field, to: &output)
            }
            for field in [crc, compressedBytes, uncompressedBytes] {
                CompressionByteOrder.appendLittleEndian(field, to: &output)
            }
            CompressionByteOrder.appendLittleEndian(UInt16(nameBytes.count), to: &output)
            CompressionByteOrder.appendLittleEndian(UInt16(0), to: &output)  // extra field length
        }
    }

    /// The ZIP (IEEE) CRC-32 of `bytes`, by zlib, fed in pieces its 32-bit length parameter can count.
    static func crc32(of bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = CZlib.crc32(0, nil, 0)
            var start = 0
            while start < buffer.count {
                let piece = min(buffer.count - start, CompressionLimits.zlibInputPieceBytes)
                crc = CZlib.crc32(crc, buffer.baseAddress! + start, uInt(piece))
                start += piece
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
