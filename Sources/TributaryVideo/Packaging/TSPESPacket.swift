/// A PES packet (ISO/IEC 13818-1 §2.4.3.6) holding one access unit: one video frame in Annex B or one ADTS frame.
///
/// It exists to put the presentation time in front of each frame. Layout written:
///
/// | offset | size | field                                                                    |
/// |--------|------|--------------------------------------------------------------------------|
/// | 0      | 3    | packet_start_code_prefix 00 00 01                                        |
/// | 3      | 1    | stream_id (0xE0 + n video, 0xC0 + n audio)                               |
/// | 4      | 2    | PES_packet_length (bytes after this field; 0 = unbounded, video only)    |
/// | 6      | 1    | '10', not scrambled, no priority, data_alignment_indicator 1, no copyright |
/// | 7      | 1    | PTS_DTS_flags '10' (PTS only), no other optional fields                  |
/// | 8      | 1    | PES_header_data_length 5                                                 |
/// | 9      | 5    | PTS: '0010', 33 bits split 3/15/15, each part followed by a marker bit   |
///
/// Only the PTS is written: Matroska stores presentation times only, so the decode time is unknown, and a PES
/// without DTS means DTS equals PTS (§2.4.3.7). That is exact for streams without B-frames, which is what Kinesis
/// Video producers send; a stream with B-frames would need decode times the source does not have.
enum TSPESPacket {
    static func bytes(streamID: UInt8, presentationTime: UInt64, accessUnit: [UInt8]) -> [UInt8] {
        let lengthAfterField = 8 + accessUnit.count
        let packetLength = lengthAfterField <= Int(UInt16.max) ? UInt16(lengthAfterField) : 0
        precondition(packetLength != 0 || streamID & 0xF0 == 0xE0, "only video PES packets may be unbounded")
        var bytes: [UInt8] = [0x00, 0x00, 0x01, streamID, UInt8(packetLength >> 8), UInt8(packetLength & 0xFF),
                              0x84, 0x80, 0x05]
        bytes += timestampField(prefix: 0b0010, presentationTime)
        bytes.reserveCapacity(bytes.count + accessUnit.count)
        bytes += accessUnit
        return bytes
    }

    /// The 5-byte PTS field: prefix (4 bits), bits 32–30, marker, bits 29–15, marker, bits 14–0, marker.
    private static func timestampField(prefix: UInt8, _ time: UInt64) -> [UInt8] {
        let value = time & 0x1_FFFF_FFFF
        return [
            prefix << 4 | UInt8((value >> 29) & 0x0E) | 1,
            UInt8((value >> 22) & 0xFF),
            UInt8((value >> 14) & 0xFE) | 1,
            UInt8((value >> 7) & 0xFF),
            UInt8((value << 1) & 0xFE) | 1,
        ]
    }
}
