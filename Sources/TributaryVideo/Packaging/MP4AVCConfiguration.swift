/// An H.264 decoder configuration record (avcC, ISO/IEC 14496-15 §5.3.3), as Matroska stores it in the
/// CodecPrivate of a `V_MPEG4/ISO/AVC` track and as MP4 stores it in the `avcC` box.
///
/// It exists to check the record before it is copied unchanged into an `avc1` sample entry and to derive the
/// RFC 6381 codec string HLS and DASH advertise. Layout read here:
///
/// | offset | size | field                                   |
/// |--------|------|-----------------------------------------|
/// | 0      | 1    | configurationVersion (1)                |
/// | 1      | 1    | AVCProfileIndication                    |
/// | 2      | 1    | profile_compatibility                   |
/// | 3      | 1    | AVCLevelIndication                      |
/// | 4      | 1    | 6 reserved bits, lengthSizeMinusOne (2) |
/// | 5      | 1    | 3 reserved bits, numOfSequenceParameterSets (5), then the parameter sets |
///
/// Frames keep their NAL length prefixes, whose size the record declares, so samples need no rewriting.
public struct MP4AVCConfiguration: Equatable, Sendable {
    /// The record, byte for byte.
    public let record: [UInt8]
    public let profileIndication: UInt8
    public let profileCompatibility: UInt8
    public let levelIndication: UInt8
    /// Bytes in each NAL unit's length prefix (1, 2 or 4).
    public let nalLengthSize: Int

    public init(record: [UInt8]) throws(MP4ConfigurationError) {
        guard record.count >= 7 else {
            throw MP4ConfigurationError("an avcC record has at least 7 bytes, this one has \(record.count)")
        }
        guard record[0] == 1 else {
            throw MP4ConfigurationError("avcC configurationVersion is \(record[0]), expected 1")
        }
        let lengthSize = Int(record[4] & 0x03) + 1
        guard lengthSize != 3 else { throw MP4ConfigurationError("avcC declares 3-byte NAL lengths") }
        self.record = record
        self.profileIndication = record[1]
        self.profileCompatibility = record[2]
        self.levelIndication = record[3]
        self.nalLengthSize = lengthSize
    }

    /// RFC 6381: `avc1.` followed by profile, compatibility and level as two hex digits each, e.g. `avc1.64001F`.
    public var codecString: String {
        "avc1." + [profileIndication, profileCompatibility, levelIndication].map(MP4Hex.byte).joined()
    }
}
