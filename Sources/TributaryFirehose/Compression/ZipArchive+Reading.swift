extension ZipArchive {
    /// The name and contents of the only entry of a single-entry archive, at most `maxBytes` of contents.
    ///
    /// It reads what `singleEntry` writes (and any such archive stored or deflated, as tools write them), trusting
    /// the central directory for sizes, checking every offset against the archive's bounds, the entry's size
    /// against `maxBytes` before inflating, and the CRC-32 after. Encrypted, multi-entry and ZIP64 archives throw.
    static func readSingleEntry(_ archive: [UInt8], maxBytes: Int) throws -> (name: String, contents: [UInt8]) {
        try archive.withUnsafeBufferPointer { source in
            let endRecord = try endRecordOffset(source)
            guard field16(source, endRecord + 8) == 1, field16(source, endRecord + 10) == 1 else {
                throw CompressionError.corruptInput("ZIP archive does not hold exactly one entry")
            }
            let directory = Int(field32(source, endRecord + 16))
            guard directory <= source.count - centralHeaderBytes,
                  field32(source, directory) == centralHeaderSignature
            else { throw CompressionError.corruptInput("ZIP central directory is missing") }
            let flags = field16(source, directory + 8)
            let method = field16(source, directory + 10)
            let crc = field32(source, directory + 16)
            let compressedBytes = Int(field32(source, directory + 20))
            let uncompressedBytes = Int(field32(source, directory + 24))
            let nameBytes = Int(field16(source, directory + 28))
            let localHeader = Int(field32(source, directory + 42))
            guard flags & 1 == 0 else { throw CompressionError.corruptInput("ZIP entry is encrypted") }
            guard uncompressedBytes <= maxBytes else { throw CompressionError.outputTooLarge(limitBytes: maxBytes) }
            guard nameBytes <= source.count - directory - centralHeaderBytes,
                  localHeader <= source.count - localHeaderBytes,
                  field32(source, localHeader) == localHeaderSignature
            else { throw CompressionError.corruptInput("ZIP entry headers are out of bounds") }
            let dataStart = localHeader + localHeaderBytes + Int(field16(source, localHeader + 26))
                + Int(field16(source, localHeader + 28))
            guard dataStart <= source.count, compressedBytes <= source.count - dataStart else {
                throw CompressionError.corruptInput("ZIP entry data runs past the end of the archive")
            }
            let nameStart = directory + centralHeaderBytes
            let name = String(decoding: source[nameStart ..< nameStart + nameBytes], as: UTF8.self)
            let data = Array(source[dataStart ..< dataStart + compressedBytes])
            let contents: [UInt8]
            switch method {
            case deflateMethod:
                contents = try ZlibStream.inflate(
                    data, windowBits: ZlibStream.rawDeflateWindowBits, maxBytes: uncompressedBytes,
                    allowsConcatenatedMembers: false
                )
            case storedMethod:
                contents = data
            default:
                throw CompressionError.corruptInput("ZIP compression method \(method) is not supported")
            }
            guard contents.count == uncompressedBytes, crc32(of: contents) == crc else {
                throw CompressionError.corruptInput("ZIP entry size or CRC-32 does not match its header")
            }
            return (name, contents)
        }
    }

    /// Where the end-of-central-directory record starts: the last signature that leaves room for its comment.
    private static func endRecordOffset(_ source: UnsafeBufferPointer<UInt8>) throws -> Int {
        guard source.count >= endRecordBytes else {
            throw CompressionError.corruptInput("ZIP archive is shorter than its end record")
        }
        let lowest = max(0, source.count - endRecordBytes - Int(UInt16.max))
        for candidate in stride(from: source.count - endRecordBytes, through: lowest, by: -1)
        where field32(source, candidate) == endRecordSignature {
            if candidate + endRecordBytes + Int(field16(source, candidate + 20)) == source.count { return candidate }
        }
        throw CompressionError.corruptInput("ZIP end of central directory record is missing")
    }

    private static func field16(_ source: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt16 {
        UInt16(CompressionByteOrder.littleEndian(source, at: offset, bytes: 2))
    }

    private static func field32(_ source: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        CompressionByteOrder.littleEndian(source, at: offset, bytes: 4)
    }
}
