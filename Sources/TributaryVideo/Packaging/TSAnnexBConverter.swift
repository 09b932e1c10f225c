/// Rewrites a video frame from length-prefixed NAL units (AVCC/HVCC, as Matroska and MP4 store them) into an Annex B
/// access unit (start-code-prefixed, as MPEG-TS carries them): an access unit delimiter first, then for keyframes
/// the parameter sets of the track's CodecPrivate, then the frame's own NAL units.
///
/// It exists because a TS decoder has no other way to find access-unit boundaries and parameter sets: HLS players
/// join at any segment, so each keyframe must bring them along. Access unit delimiters already in the frame are
/// dropped (ours replaces them: a unit may hold only one). Every NAL unit gets a 4-byte start code; no emulation
/// prevention is needed since the NAL payloads already carry it.
struct TSAnnexBConverter: Sendable {
    enum Codec: Sendable {
        case h264, h265

        /// The NAL unit type of a NAL unit whose header starts with `byte`.
        func unitType(_ byte: UInt8) -> UInt8 {
            switch self {
            case .h264: byte & 0x1F
            case .h265: (byte >> 1) & 0x3F
            }
        }

        /// An access unit delimiter allowing any picture type (H.264 primary_pic_type 7, H.265 pic_type 2), with
        /// its RBSP stop bit.
        var accessUnitDelimiter: [UInt8] {
            switch self {
            case .h264: [0x09, 0xF0]
            case .h265: [0x46, 0x01, 0x50]
            }
        }

        var accessUnitDelimiterType: UInt8 {
            switch self {
            case .h264: 9
            case .h265: 35
            }
        }
    }

    static let startCode: [UInt8] = [0x00, 0x00, 0x00, 0x01]

    let codec: Codec
    /// Bytes in each NAL unit's length prefix in the frames (1, 2 or 4).
    let nalLengthSize: Int
    /// The parameter sets in Annex B, written before every keyframe.
    let parameterSets: [UInt8]

    init(codec: Codec, nalLengthSize: Int, parameterSets: [[UInt8]]) {
        self.codec = codec
        self.nalLengthSize = nalLengthSize
        self.parameterSets = parameterSets.flatMap { Self.startCode + $0 }
    }

    /// The Annex B access unit for one frame; throws when a NAL unit length runs past the frame's end.
    func accessUnit(_ matroskaFrame: MatroskaFrame) throws(TSPackagingError) -> [UInt8] {
        let frame = matroskaFrame.bytes
        func invalid(_ reason: String) -> TSPackagingError {
            .invalidFrame(trackNumber: matroskaFrame.trackNumber, timecode: matroskaFrame.absoluteTimecode,
                          reason: reason)
        }
        var unit = Self.startCode + codec.accessUnitDelimiter
        if matroskaFrame.isKeyframe { unit += parameterSets }
        unit.reserveCapacity(unit.count + frame.count + frame.count / 64)
        var offset = 0
        while offset < frame.count {
            guard offset + nalLengthSize <= frame.count else {
                throw invalid("ends inside a \(nalLengthSize)-byte NAL unit length at byte \(offset)")
            }
            let length = frame[offset..<(offset + nalLengthSize)].reduce(0) { $0 << 8 | Int($1) }
            offset += nalLengthSize
            guard length <= frame.count - offset else {
                throw invalid("has a NAL unit of \(length) bytes at byte \(offset) but only "
                                            + "\(frame.count - offset) bytes remain")
            }
            if length > 0, codec.unitType(frame[offset]) != codec.accessUnitDelimiterType {
                unit += Self.startCode
                unit += frame[offset..<(offset + length)]
            }
            offset += length
        }
        return unit
    }
}
