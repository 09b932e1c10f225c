/// An H.265 decoder configuration record (hvcC, ISO/IEC 14496-15 §8.3.3), as Matroska stores it in the
/// CodecPrivate of a `V_MPEGH/ISO/HEVC` track and as MP4 stores it in the `hvcC` box.
///
/// It exists to check the record before it is copied unchanged into an `hvc1` sample entry and to derive the
/// codec string (ISO/IEC 14496-15 Annex E) HLS and DASH advertise. Layout read here (23 bytes at least):
///
/// | offset | size | field                                                                   |
/// |--------|------|-------------------------------------------------------------------------|
/// | 0      | 1    | configurationVersion (1)                                                |
/// | 1      | 1    | general_profile_space (2 bits), general_tier_flag (1), general_profile_idc (5) |
/// | 2      | 4    | general_profile_compatibility_flags                                     |
/// | 6      | 6    | general_constraint_indicator_flags                                      |
/// | 12     | 1    | general_level_idc                                                       |
/// | 13     | 8    | segmentation, parallelism, chroma format, bit depths, frame rate        |
/// | 21     | 1    | frame rate and temporal layer bits, lengthSizeMinusOne (low 2 bits)     |
/// | 22     | 1    | numOfArrays, then the VPS/SPS/PPS/SEI arrays                            |
///
/// The sample entry is `hvc1`, which says parameter sets live in this record; encoders that also repeat them in
/// the stream (x265's repeat-headers) still decode, as players accept the in-band copies.
public struct MP4HEVCConfiguration: Equatable, Sendable {
    /// The record, byte for byte.
    public let record: [UInt8]
    public let profileSpace: UInt8
    public let isHighTier: Bool
    public let profileIDC: UInt8
    public let profileCompatibilityFlags: UInt32
    /// The six constraint indicator bytes.
    public let constraintIndicatorFlags: [UInt8]
    public let levelIDC: UInt8
    /// Bytes in each NAL unit's length prefix (1, 2 or 4).
    public let nalLengthSize: Int

    public init(record: [UInt8]) throws(MP4ConfigurationError) {
        guard record.count >= 23 else {
            throw MP4ConfigurationError("an hvcC record has at least 23 bytes, this one has \(record.count)")
        }
        guard record[0] == 1 else {
            throw MP4ConfigurationError("hvcC configurationVersion is \(record[0]), expected 1")
        }
        let lengthSize = Int(record[21] & 0x03) + 1
        guard lengthSize != 3 else { throw MP4ConfigurationError("hvcC declares 3-byte NAL lengths") }
        self.record = record
        self.profileSpace = record[1] >> 6
        self.isHighTier = record[1] & 0x20 != 0
        self.profileIDC = record[1] & 0x1F
        self.profileCompatibilityFlags = record[2..<6].reduce(0) { $0 << 8 | UInt32($1) }
        self.constraintIndicatorFlags = Array(record[6..<12])
        self.levelIDC = record[12]
        self.nalLengthSize = lengthSize
    }

    /// ISO/IEC 14496-15 Annex E, e.g. `hvc1.1.6.L93.B0`: profile space letter (none for 0, then A, B, C) and
    /// profile, the compatibility flags bit-reversed in hex, tier letter and level, then the constraint bytes in
    /// hex with trailing zero bytes left out.
    public var codecString: String {
        let spaceLetter = profileSpace == 0 ? "" : String(UnicodeScalar(UInt8(ascii: "A") + profileSpace - 1))
        var constraints = constraintIndicatorFlags
        while constraints.last == 0 { constraints.removeLast() }
        let parts = ["hvc1", spaceLetter + String(profileIDC), MP4Hex.minimal(profileCompatibilityFlags.bitReversed),
                     (isHighTier ? "H" : "L") + String(levelIDC)] + constraints.map(MP4Hex.byte)
        return parts.joined(separator: ".")
    }
}

extension UInt32 {
    /// The 32 bits in the opposite order (bit 31 becomes bit 0).
    fileprivate var bitReversed: UInt32 {
        var value = self
        var result: UInt32 = 0
        for _ in 0..<32 {
            result = result << 1 | value & 1
            value >>= 1
        }
        return result
    }
}
