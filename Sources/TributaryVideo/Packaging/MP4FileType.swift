/// The `ftyp` box that opens every MP4 this server writes: major brand, minor version, compatible brands.
///
/// It exists to keep the brand choices in one place: fragmented output (HLS fMP4 init segments, DASH) claims
/// `iso6` (ISO/IEC 14496-12 with `tfdt` version 1 and default-base-is-moof) plus `iso5` and `dash`; a GetClip file
/// is a plain `isom` movie, as ffmpeg writes them, readable by any player.
enum MP4FileType {
    static let fragmented = (major: "iso6", minor: UInt32(0), compatible: ["iso6", "iso5", "dash", "mp41"])
    static let progressive = (major: "isom", minor: UInt32(0x200), compatible: ["isom", "iso2", "mp41"])

    static func write(into writer: inout MP4BoxWriter, major: String, minor: UInt32, compatible: [String]) {
        writer.box("ftyp") { box in
            box.appendFourCC(major)
            box.append(minor)
            for brand in compatible { box.appendFourCC(brand) }
        }
    }
}
