/// Cuts PSI sections and PES packets into 188-byte transport packets and keeps each PID's continuity counter.
///
/// It exists so the one place that knows the packet layout also enforces its invariants: every packet is 188
/// bytes and starts with the sync byte, the counter of a PID grows by one (modulo 16) with each packet that carries
/// payload and stays put on adaptation-only packets (§2.4.3.3), and short payloads are padded with adaptation-field
/// stuffing so no byte of payload is ever padding. Packet layout:
///
/// | offset | size | field                                                                        |
/// |--------|------|------------------------------------------------------------------------------|
/// | 0      | 1    | sync byte 0x47                                                               |
/// | 1      | 2    | no error, payload_unit_start_indicator, no priority, PID (13 bits)            |
/// | 3      | 1    | not scrambled, adaptation_field_control (01 payload, 10 adaptation, 11 both), continuity_counter |
/// | 4      | n    | adaptation field: length (1), flags (1: random access 0x40, PCR 0x10), PCR (6), stuffing 0xFF |
/// | 4 + n  | rest | payload                                                                      |
struct TSPacketWriter {
    static let packetBytes = 188
    static let syncByte: UInt8 = 0x47
    private static let payloadBytesMax = packetBytes - 4

    /// The packets written so far.
    private(set) var bytes: [UInt8] = []
    private let continuityBase: UInt8
    /// The counter the next payload-carrying packet of each PID gets.
    private var nextContinuity: [UInt16: UInt8] = [:]

    /// Every PID's first payload-carrying packet gets `continuityBase` modulo 16.
    init(continuityBase: Int) {
        self.continuityBase = UInt8(((continuityBase % 16) + 16) % 16)
    }

    /// Writes a PSI section in one packet: pointer_field 0, the section, then 0xFF up to the packet's end.
    mutating func writeSection(_ section: [UInt8], pid: UInt16) {
        precondition(section.count < Self.payloadBytesMax, "PSI sections here fit one packet")
        let payload = [0x00] + section + [UInt8](repeating: 0xFF, count: Self.payloadBytesMax - 1 - section.count)
        writePayload(payload, pid: pid)
    }

    /// Writes one PES packet over as many transport packets as it needs. The first one starts the unit and carries
    /// the PCR base (90 kHz, wrapped to 33 bits) and the random-access flag when given.
    mutating func writePayload(_ payload: [UInt8], pid: UInt16, clockReference: UInt64? = nil,
                               isRandomAccess: Bool = false) {
        precondition(!payload.isEmpty, "a unit has at least one byte")
        var offset = 0
        var isFirst = true
        while offset < payload.count {
            var adaptation: [UInt8]?
            if isFirst, clockReference != nil || isRandomAccess {
                adaptation = Self.adaptationFlags(clockReference: clockReference, isRandomAccess: isRandomAccess)
            }
            let room = Self.payloadBytesMax - (adaptation.map { 1 + $0.count } ?? 0)
            let remaining = payload.count - offset
            if remaining < room {
                adaptation = Self.stuffed(adaptation, toFieldBytes: Self.payloadBytesMax - remaining)
            }
            let chunk = min(room, remaining)
            appendHeader(pid: pid, startsUnit: isFirst, adaptation: adaptation, hasPayload: true)
            bytes += payload[offset..<(offset + chunk)]
            offset += chunk
            isFirst = false
        }
    }

    /// Writes an adaptation-only packet carrying a PCR: keeps the clock reference frequent on the PCR PID while
    /// other PIDs' frames are written. Its continuity counter repeats the PID's last one.
    mutating func writeClockReference(_ clockReference: UInt64, pid: UInt16) {
        let flags = Self.adaptationFlags(clockReference: clockReference, isRandomAccess: false)
        appendHeader(pid: pid, startsUnit: false, adaptation: Self.stuffed(flags, toFieldBytes: Self.payloadBytesMax),
                     hasPayload: false)
    }

    private mutating func appendHeader(pid: UInt16, startsUnit: Bool, adaptation: [UInt8]?, hasPayload: Bool) {
        let next = nextContinuity[pid] ?? continuityBase
        let counter = hasPayload ? next : (next &+ 15) & 0x0F
        if hasPayload { nextContinuity[pid] = (next + 1) & 0x0F }
        let control: UInt8 = (adaptation == nil ? 0 : 0x20) | (hasPayload ? 0x10 : 0)
        bytes += [Self.syncByte, (startsUnit ? 0x40 : 0) | UInt8(pid >> 8), UInt8(pid & 0xFF), control | counter]
        if let adaptation {
            bytes.append(UInt8(adaptation.count))
            bytes += adaptation
        }
    }

    /// The adaptation field after its length byte: flags, then the PCR when given (33-bit base, 6 reserved bits,
    /// 9-bit extension 0).
    private static func adaptationFlags(clockReference: UInt64?, isRandomAccess: Bool) -> [UInt8] {
        var field: [UInt8] = [(isRandomAccess ? 0x40 : 0) | (clockReference == nil ? 0 : 0x10)]
        if let clockReference {
            let base = clockReference & 0x1_FFFF_FFFF
            field += [UInt8(base >> 25), UInt8((base >> 17) & 0xFF), UInt8((base >> 9) & 0xFF),
                      UInt8((base >> 1) & 0xFF), UInt8((base & 1) << 7) | 0x7E, 0x00]
        }
        return field
    }

    /// `field` (or an empty one) padded with 0xFF so that, with its length byte, it takes `fieldBytes` bytes.
    private static func stuffed(_ field: [UInt8]?, toFieldBytes fieldBytes: Int) -> [UInt8] {
        guard fieldBytes > 1 else { return [] }
        let flags = field ?? [0x00]
        return flags + [UInt8](repeating: 0xFF, count: fieldBytes - 1 - flags.count)
    }
}
