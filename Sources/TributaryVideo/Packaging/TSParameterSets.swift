/// The parameter-set NAL units stored in a decoder configuration record: SPS then PPS of an avcC, VPS then SPS then
/// PPS of an hvcC, each without length prefix or start code.
///
/// It exists because MPEG-TS has no sample description: a decoder learns the parameter sets only from the stream,
/// so `TSAnnexBConverter` repeats them before every keyframe. `MP4AVCConfiguration` and `MP4HEVCConfiguration`
/// check the records' headers but keep the parameter sets as opaque record bytes, hence this reading of the lists.
///
/// avcC from offset 5: numOfSequenceParameterSets (low 5 bits), per SPS a 16-bit length and the NAL unit, then
/// numOfPictureParameterSets (8 bits), per PPS a 16-bit length and the NAL unit (High-profile extensions after
/// that are not parameter sets a decoder needs in-band).
/// hvcC from offset 22: numOfArrays (8 bits), per array NAL_unit_type (low 6 bits), numNalus (16 bits), per NAL
/// unit a 16-bit length and the unit.
enum TSParameterSets {
    /// H.265 NAL unit types of the video, sequence and picture parameter sets, in the order decoders need them.
    static let hevcParameterSetTypes: [UInt8] = [32, 33, 34]

    static func avc(_ configuration: MP4AVCConfiguration) throws(MP4ConfigurationError) -> [[UInt8]] {
        var reader = RecordReader(configuration.record, offset: 5)
        let sequenceCount = Int(try reader.byte("numOfSequenceParameterSets") & 0x1F)
        var units: [[UInt8]] = []
        for _ in 0..<sequenceCount { units.append(try reader.unit("a sequence parameter set")) }
        let pictureCount = Int(try reader.byte("numOfPictureParameterSets"))
        for _ in 0..<pictureCount { units.append(try reader.unit("a picture parameter set")) }
        return units
    }

    static func hevc(_ configuration: MP4HEVCConfiguration) throws(MP4ConfigurationError) -> [[UInt8]] {
        var reader = RecordReader(configuration.record, offset: 22)
        let arrayCount = Int(try reader.byte("numOfArrays"))
        var unitsByType: [UInt8: [[UInt8]]] = [:]
        for _ in 0..<arrayCount {
            let type = try reader.byte("an array's NAL_unit_type") & 0x3F
            let unitCount = Int(try reader.byte("numNalus")) << 8 | Int(try reader.byte("numNalus"))
            for _ in 0..<unitCount { unitsByType[type, default: []].append(try reader.unit("a parameter set")) }
        }
        return hevcParameterSetTypes.flatMap { unitsByType[$0] ?? [] }
    }

    /// Reads a record's bytes with bounds checks; a read past the end is invalid codec private data.
    private struct RecordReader {
        let record: [UInt8]
        var offset: Int

        init(_ record: [UInt8], offset: Int) {
            self.record = record
            self.offset = offset
        }

        mutating func byte(_ field: String) throws(MP4ConfigurationError) -> UInt8 {
            guard offset < record.count else {
                throw MP4ConfigurationError("the record ends before \(field) at byte \(offset)")
            }
            defer { offset += 1 }
            return record[offset]
        }

        mutating func unit(_ what: String) throws(MP4ConfigurationError) -> [UInt8] {
            let length = Int(try byte("the length of \(what)")) << 8 | Int(try byte("the length of \(what)"))
            guard length > 0, offset + length <= record.count else {
                throw MP4ConfigurationError("\(what) of \(length) bytes at byte \(offset) does not fit the record of "
                                            + "\(record.count) bytes")
            }
            defer { offset += length }
            return Array(record[offset..<(offset + length)])
        }
    }
}
