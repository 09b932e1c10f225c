import XCTest

/// An independent reader of the transport streams the TS muxer writes, written from ISO/IEC 13818-1 so the tests
/// do not trust the muxer's own layout code: packets, PSI sections checked with a bitwise CRC-32/MPEG-2, and PES
/// packets reassembled per PID.
struct TSTestDemuxer {
    struct Packet {
        let pid: UInt16
        let startsUnit: Bool
        let hasPayload: Bool
        let continuityCounter: UInt8
        let isRandomAccess: Bool
        /// The PCR base (90 kHz), when the adaptation field carries one.
        let clockReference: UInt64?
        let payload: [UInt8]
    }

    struct PES {
        let pid: UInt16
        let streamID: UInt8
        let presentationTime: UInt64
        let hasDecodeTime: Bool
        let isRandomAccess: Bool
        let payload: [UInt8]
    }

    struct ProgramMap {
        let clockReferencePID: UInt16
        /// (stream type, PID) in PMT order.
        let streams: [(type: UInt8, pid: UInt16)]
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String { if case .malformed(let reason) = self { reason } else { "" } }
    }

    let packets: [Packet]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count % 188 == 0 else { throw Failure.malformed("\(bytes.count) bytes is not a packet multiple") }
        var packets: [Packet] = []
        for start in stride(from: 0, to: bytes.count, by: 188) {
            let packet = Array(bytes[start..<(start + 188)])
            guard packet[0] == 0x47 else { throw Failure.malformed("no sync byte at \(start)") }
            let control = (packet[3] >> 4) & 0x03
            var offset = 4
            var isRandomAccess = false
            var clockReference: UInt64?
            if control & 0x02 != 0 {
                let length = Int(packet[4])
                if length > 0 {
                    isRandomAccess = packet[5] & 0x40 != 0
                    if packet[5] & 0x10 != 0 {
                        clockReference = packet[6..<10].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 1
                            | UInt64(packet[10] >> 7)
                    }
                }
                offset += 1 + length
                guard offset <= 188 else { throw Failure.malformed("adaptation field overruns the packet") }
            }
            packets.append(Packet(pid: UInt16(packet[1] & 0x1F) << 8 | UInt16(packet[2]),
                                  startsUnit: packet[1] & 0x40 != 0, hasPayload: control & 0x01 != 0,
                                  continuityCounter: packet[3] & 0x0F, isRandomAccess: isRandomAccess,
                                  clockReference: clockReference,
                                  payload: control & 0x01 != 0 ? Array(packet[offset...]) : []))
        }
        self.packets = packets
    }

    /// The CRC-32/MPEG-2 of `bytes`, bit by bit.
    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            for bit in 0..<8 {
                let incoming = (UInt32(byte) >> (7 - UInt32(bit))) & 1
                let top = crc >> 31
                crc <<= 1
                if top ^ incoming == 1 { crc ^= 0x04C1_1DB7 }
            }
        }
        return crc
    }

    /// The first section on `pid`, CRC checked (a section whose CRC is right gives a remainder of 0).
    func section(pid: UInt16) throws -> [UInt8] {
        guard let packet = packets.first(where: { $0.pid == pid && $0.startsUnit }) else {
            throw Failure.malformed("no section on PID \(pid)")
        }
        let start = 1 + Int(packet.payload[0])
        let length = Int(packet.payload[start + 1] & 0x0F) << 8 | Int(packet.payload[start + 2])
        let section = Array(packet.payload[start..<(start + 3 + length)])
        guard Self.crc(section) == 0 else { throw Failure.malformed("bad CRC on PID \(pid)") }
        return section
    }

    /// The PMT PID of the program the PAT names.
    func programMapPID() throws -> UInt16 {
        let section = try section(pid: 0)
        guard section[0] == 0x00, section.count == 16 else { throw Failure.malformed("not a one-program PAT") }
        return UInt16(section[10] & 0x1F) << 8 | UInt16(section[11])
    }

    func programMap() throws -> ProgramMap {
        let section = try section(pid: try programMapPID())
        guard section[0] == 0x02 else { throw Failure.malformed("not a PMT") }
        let infoLength = Int(section[10] & 0x0F) << 8 | Int(section[11])
        var offset = 12 + infoLength
        var streams: [(type: UInt8, pid: UInt16)] = []
        while offset < section.count - 4 {
            streams.append((section[offset], UInt16(section[offset + 1] & 0x1F) << 8 | UInt16(section[offset + 2])))
            offset += 5 + (Int(section[offset + 3] & 0x0F) << 8 | Int(section[offset + 4]))
        }
        return ProgramMap(clockReferencePID: UInt16(section[8] & 0x1F) << 8 | UInt16(section[9]), streams: streams)
    }

    /// The PES packets of every PID, in the order they start.
    func pesPackets() throws -> [PES] {
        var units: [(pid: UInt16, bytes: [UInt8], randomAccess: Bool)] = []
        var openUnit: [UInt16: Int] = [:]
        for packet in packets where packet.pid != 0 && packet.hasPayload {
            if packet.startsUnit, packet.payload.starts(with: [0, 0, 1]) {
                openUnit[packet.pid] = units.count
                units.append((packet.pid, packet.payload, packet.isRandomAccess))
            } else if !packet.startsUnit, let index = openUnit[packet.pid] {
                units[index].bytes += packet.payload
            }
        }
        return try units.map { unit in try Self.pes(pid: unit.pid, unit.bytes, randomAccess: unit.randomAccess) }
    }

    private static func pes(pid: UInt16, _ bytes: [UInt8], randomAccess: Bool) throws -> PES {
        guard bytes.count >= 14 else { throw Failure.malformed("short PES") }
        let declared = Int(bytes[4]) << 8 | Int(bytes[5])
        guard declared == 0 || declared == bytes.count - 6 else {
            throw Failure.malformed("PES_packet_length \(declared) but \(bytes.count - 6) bytes follow")
        }
        let flags = bytes[7] >> 6
        guard flags & 0x02 != 0 else { throw Failure.malformed("PES without PTS") }
        let time = UInt64(bytes[9] >> 1) & 0x07
        let presentationTime = time << 30 | (UInt64(bytes[10]) << 7 | UInt64(bytes[11] >> 1)) << 15
            | UInt64(bytes[12]) << 7 | UInt64(bytes[13] >> 1)
        let headerLength = Int(bytes[8])
        return PES(pid: pid, streamID: bytes[3], presentationTime: presentationTime, hasDecodeTime: flags & 0x01 != 0,
                   isRandomAccess: randomAccess, payload: Array(bytes[(9 + headerLength)...]))
    }

    /// A 90 kHz time as a 33-bit field holds it.
    static func wrapped(_ ticks: Int64) -> UInt64 {
        UInt64(((ticks % (1 << 33)) + (1 << 33)) % (1 << 33))
    }

    /// Splits an Annex B access unit at its start codes.
    static func nalUnits(_ accessUnit: [UInt8]) -> [[UInt8]] {
        var units: [[UInt8]] = []
        var index = 0
        var start: Int?
        while index + 3 <= accessUnit.count {
            if accessUnit[index] == 0, accessUnit[index + 1] == 0, accessUnit[index + 2] == 1 {
                if let start { units.append(trimmingZeros(Array(accessUnit[start..<index]))) }
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        if let start { units.append(Array(accessUnit[start...])) }
        return units
    }

    private static func trimmingZeros(_ unit: [UInt8]) -> [UInt8] {
        var unit = unit
        while unit.last == 0 { unit.removeLast() }
        return unit
    }
}
