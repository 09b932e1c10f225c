/// The fixed header at the start of every segment (`.log`) file.
///
/// It exists so a file is recognized as ours, its format version is known before any frame is read, and a
/// renamed file is caught (the base offset must match the file name).
///
/// | offset | size | field                                   |
/// |--------|------|-----------------------------------------|
/// | 0      | 4    | magic "TRBL"                            |
/// | 4      | 1    | format version (1)                      |
/// | 5      | 3    | reserved, zero                          |
/// | 8      | 8    | base offset (UInt64), equal to the name |
///
/// Record frames (`RecordFrame`) follow from byte 16 to the end of the file.
enum SegmentHeader {
    static let magic: [UInt8] = Array("TRBL".utf8)
    static let version: UInt8 = 1
    static let bytes = 16

    static func encode(baseOffset: UInt64) -> [UInt8] {
        var header = magic
        header.append(version)
        header.append(contentsOf: [0, 0, 0])
        LittleEndian.append(baseOffset, to: &header)
        return header
    }

    /// Checks a header read from `path`; throws `LogError.corruptSegment` when it is not a version-1 header for
    /// `baseOffset`.
    static func validate(_ header: [UInt8], baseOffset: UInt64, path: String) throws {
        guard header.count == bytes, Array(header[0 ..< 4]) == magic else {
            throw LogError.corruptSegment(path: path, reason: "missing segment magic")
        }
        guard header[4] == version else {
            throw LogError.corruptSegment(path: path, reason: "unknown segment format version \(header[4])")
        }
        let storedBaseOffset = LittleEndian.read(UInt64.self, from: header, at: 8)
        guard storedBaseOffset == baseOffset else {
            throw LogError.corruptSegment(
                path: path, reason: "header base offset \(storedBaseOffset) differs from the file name")
        }
    }
}
