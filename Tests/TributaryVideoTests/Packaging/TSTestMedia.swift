import TributaryVideo

/// Synthetic H.264, H.265 and AAC tracks and frames with recognisable NAL units, for the TS muxer's tests.
enum TSTestMedia {
    static let sequenceParameterSet: [UInt8] = [0x67, 0x42, 0xC0, 0x1E, 0xAB]
    static let pictureParameterSet: [UInt8] = [0x68, 0xCE, 0x3C, 0x80]
    /// avcC: Constrained Baseline 3.0, 4-byte NAL lengths, one SPS, one PPS.
    static let avcRecord: [UInt8] = [1, 0x42, 0xC0, 0x1E, 0xFF, 0xE1, 0x00, 0x05] + sequenceParameterSet
        + [0x01, 0x00, 0x04] + pictureParameterSet

    static let hevcVideoParameterSet: [UInt8] = [0x40, 0x01, 0x0C, 0x01]
    static let hevcSequenceParameterSet: [UInt8] = [0x42, 0x01, 0x01, 0x21]
    static let hevcPictureParameterSet: [UInt8] = [0x44, 0x01, 0xC1, 0x72]
    static let hevcPrefixSEI: [UInt8] = [0x4E, 0x01, 0x05, 0x80]

    /// hvcC with 2-byte NAL lengths whose arrays come out of the decoding order (PPS, SEI, VPS, SPS).
    static var hevcRecord: [UInt8] {
        var record: [UInt8] = [1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 93, 0xF0, 0, 0xFC, 0xFD, 0xF8, 0xF8, 0,
                               0, 0x0D]  // one temporal layer, nested, 2-byte NAL lengths
        let arrays: [(type: UInt8, unit: [UInt8])] = [(34, hevcPictureParameterSet), (39, hevcPrefixSEI),
                                                      (32, hevcVideoParameterSet), (33, hevcSequenceParameterSet)]
        record.append(UInt8(arrays.count))
        for array in arrays {
            record += [0x80 | array.type, 0x00, 0x01, 0x00, UInt8(array.unit.count)] + array.unit
        }
        return record
    }

    static func videoTrack(number: UInt64 = 1) -> MatroskaTrack {
        MatroskaTrack(number: number, kind: .video, codecID: "V_MPEG4/ISO/AVC", codecPrivate: avcRecord)
    }

    static func hevcTrack(number: UInt64 = 1) -> MatroskaTrack {
        MatroskaTrack(number: number, kind: .video, codecID: "V_MPEGH/ISO/HEVC", codecPrivate: hevcRecord)
    }

    static func audioTrack(number: UInt64 = 2) -> MatroskaTrack {
        MP4TestMedia.audioTrack(number: number)
    }

    /// NAL units each prefixed with a `lengthSize`-byte big-endian length.
    static func lengthPrefixed(_ units: [[UInt8]], lengthSize: Int = 4) -> [UInt8] {
        units.flatMap { unit in
            (0..<lengthSize).reversed().map { UInt8((unit.count >> (8 * $0)) & 0xFF) } + unit
        }
    }

    /// An H.264 picture NAL unit (IDR for keyframes) whose bytes name its timecode.
    static func pictureUnit(_ timecode: Int64, keyframe: Bool, size: Int = 12) -> [UInt8] {
        [keyframe ? 0x65 : 0x41] + (1..<size).map { UInt8(truncatingIfNeeded: Int(timecode) &+ $0) | 0x01 }
    }

    static func videoFrame(_ timecode: Int64, keyframe: Bool, track: UInt64 = 1, size: Int = 12) -> MatroskaFrame {
        MatroskaFrame(trackNumber: track, relativeTimecode: 0, absoluteTimecode: timecode, isKeyframe: keyframe,
                      bytes: lengthPrefixed([pictureUnit(timecode, keyframe: keyframe, size: size)]))
    }

    static func audioFrame(_ timecode: Int64, track: UInt64 = 2, size: Int = 20) -> MatroskaFrame {
        MatroskaFrame(trackNumber: track, relativeTimecode: 0, absoluteTimecode: timecode, isKeyframe: true,
                      bytes: (0..<size).map { UInt8(truncatingIfNeeded: Int(timecode) &* 7 &+ $0) })
    }

    /// 2 s of 10 fps video (keyframes every 10 frames) and AAC frames every 23 ms, in the order a muxer stores them.
    static func twoSeconds(start: Int64 = 0) -> [MatroskaFrame] {
        let video = (0..<20).map { videoFrame(start + Int64($0) * 100, keyframe: $0 % 10 == 0) }
        let audio = (0..<87).map { audioFrame(start + Int64($0) * 23) }
        return (video + audio).sorted { $0.absoluteTimecode < $1.absoluteTimecode }
    }
}
