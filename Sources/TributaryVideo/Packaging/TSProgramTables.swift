/// The two PSI tables every segment starts with (ISO/IEC 13818-1 §2.4.4): the Program Association Table on PID 0,
/// naming the one program and its PMT PID, and the Program Map Table naming each elementary stream's PID and
/// stream type and the PID that carries the PCR.
///
/// It exists so a segment is self-contained: a player that joins at any segment finds the program there. Both
/// tables are version 0 and never change between segments, since PIDs and stream types are fixed per track.
///
/// PAT section: table_id 0x00 (1), flags + section_length (2), transport_stream_id (2), version (1),
/// section_number (1), last_section_number (1), program_number (2), PMT PID (2), CRC-32 (4).
/// PMT section: table_id 0x02 (1), flags + section_length (2), program_number (2), version (1), section_number (1),
/// last_section_number (1), PCR PID (2), program_info_length (2), per stream: stream_type (1), PID (2),
/// ES_info_length (2); then CRC-32 (4).
enum TSProgramTables {
    static let associationPID: UInt16 = 0x0000
    static let programMapPID: UInt16 = 0x1000
    static let programNumber: UInt16 = 1
    static let transportStreamID: UInt16 = 1

    /// The PAT section, CRC included.
    static func programAssociationSection() -> [UInt8] {
        let body = bigEndian(programNumber) + bigEndian(0xE000 | programMapPID)
        return section(tableID: 0x00, tableIDExtension: transportStreamID, body: body)
    }

    /// The PMT section for `streams` in order, CRC included.
    static func programMapSection(streams: [TSElementaryStream], clockReferencePID: UInt16) -> [UInt8] {
        var body = bigEndian(0xE000 | clockReferencePID) + bigEndian(0xF000)
        for stream in streams {
            body.append(stream.streamType)
            body += bigEndian(0xE000 | stream.pid) + bigEndian(0xF000)
        }
        return section(tableID: 0x02, tableIDExtension: programNumber, body: body)
    }

    /// A long-form section: the header, `body`, and the CRC-32 over all of it.
    private static func section(tableID: UInt8, tableIDExtension: UInt16, body: [UInt8]) -> [UInt8] {
        // section_length counts from after itself: extension (2), version (1), section numbers (2), body, CRC (4).
        let sectionLength = UInt16(5 + body.count + 4)
        var bytes: [UInt8] = [tableID] + bigEndian(0xB000 | sectionLength) + bigEndian(tableIDExtension)
        bytes += [0xC1, 0x00, 0x00]  // reserved bits, version 0, current_next_indicator; section 0 of 0
        bytes += body
        return bytes + bigEndian32(TSCRC32.checksum(bytes))
    }

    private static func bigEndian(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    private static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
