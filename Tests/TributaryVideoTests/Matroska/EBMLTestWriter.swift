import TributaryVideo

/// A tiny EBML writer for tests, written independently of the library's encoder so that the reader is checked
/// against bytes built by hand.
enum EBMLTestWriter {
    static let unknownSize: [UInt8] = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]

    static func id(_ raw: UInt32) -> [UInt8] {
        if raw > 0xFF_FFFF { return [UInt8(raw >> 24), UInt8(raw >> 16 & 0xFF), UInt8(raw >> 8 & 0xFF), UInt8(raw & 0xFF)] }
        if raw > 0xFFFF { return [UInt8(raw >> 16), UInt8(raw >> 8 & 0xFF), UInt8(raw & 0xFF)] }
        if raw > 0xFF { return [UInt8(raw >> 8), UInt8(raw & 0xFF)] }
        return [UInt8(raw)]
    }

    /// Shortest size encoding (1 to 4 bytes is plenty for tests).
    static func size(_ n: Int) -> [UInt8] {
        if n < 0x7F { return [0x80 | UInt8(n)] }
        if n < 0x3FFF { return [0x40 | UInt8(n >> 8), UInt8(n & 0xFF)] }
        if n < 0x1F_FFFF { return [0x20 | UInt8(n >> 16), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
        return [0x10 | UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
    }

    static func element(_ raw: UInt32, _ parts: [UInt8]...) -> [UInt8] {
        let payload = parts.flatMap { $0 }
        return id(raw) + size(payload.count) + payload
    }

    static func unknownSizeElement(_ raw: UInt32, _ parts: [UInt8]...) -> [UInt8] {
        id(raw) + unknownSize + parts.flatMap { $0 }
    }

    static func uint(_ raw: UInt32, _ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat { bytes.insert(UInt8(rest & 0xFF), at: 0); rest >>= 8 } while rest > 0
        return element(raw, bytes)
    }

    static func string(_ raw: UInt32, _ text: String) -> [UInt8] { element(raw, Array(text.utf8)) }

    static func float(_ raw: UInt32, _ value: Double) -> [UInt8] {
        let bits = value.bitPattern
        return element(raw, (0..<8).map { UInt8(bits >> (56 - 8 * UInt64($0)) & 0xFF) })
    }

    static func void(_ count: Int) -> [UInt8] { element(0xEC, [UInt8](repeating: 0, count: count)) }
    static func crc32() -> [UInt8] { element(0xBF, [0xDE, 0xAD, 0xBE, 0xEF]) }

    static func header(docType: String = "matroska") -> [UInt8] {
        element(0x1A45_DFA3, uint(0x4286, 1), uint(0x42F7, 1), uint(0x42F2, 4), uint(0x42F3, 8),
                string(0x4282, docType), uint(0x4287, 4), uint(0x4285, 2))
    }

    static func info(scale: UInt64 = 1_000_000) -> [UInt8] {
        element(0x1549_A966, uint(0x2AD7B1, scale), string(0x4D80, "test"), string(0x5741, "test"))
    }

    static func videoTrack(_ number: UInt64 = 1, codec: String = "V_MPEG4/ISO/AVC") -> [UInt8] {
        element(0xAE, uint(0xD7, number), uint(0x73C5, 1000 + number), uint(0x83, 1), string(0x86, codec),
                element(0x63A2, [1, 0x64, 0, 0x0D]), element(0xE0, uint(0xB0, 160), uint(0xBA, 120)))
    }

    static func audioTrack(_ number: UInt64 = 2) -> [UInt8] {
        element(0xAE, uint(0xD7, number), uint(0x73C5, 1000 + number), uint(0x83, 2), string(0x86, "A_AAC"),
                element(0x63A2, [0x12, 0x08]), element(0xE1, float(0xB5, 44100), uint(0x9F, 2)))
    }

    static func tracks(_ entries: [UInt8]...) -> [UInt8] { element(0x1654_AE6B, entries.flatMap { $0 }) }

    static func simpleBlock(track: UInt8, timecode: Int16, keyframe: Bool, _ data: [UInt8]) -> [UInt8] {
        let t = UInt16(bitPattern: timecode)
        return element(0xA3, [0x80 | track, UInt8(t >> 8), UInt8(t & 0xFF), keyframe ? 0x80 : 0x00], data)
    }

    static func blockGroup(track: UInt8, timecode: Int16, reference: Bool, duration: UInt64?, _ data: [UInt8]) -> [UInt8] {
        let t = UInt16(bitPattern: timecode)
        var parts = element(0xA1, [0x80 | track, UInt8(t >> 8), UInt8(t & 0xFF), 0x00], data)
        if let duration { parts += uint(0x9B, duration) }
        if reference { parts += element(0xFB, [0xFF]) }
        return element(0xA0, parts)
    }

    static func tags(_ pairs: [(String, String)]) -> [UInt8] {
        element(0x1254_C367, element(0x7373, element(0x63C0, uint(0x68CA, 50)),
                                     pairs.flatMap { element(0x67C8, string(0x45A3, $0.0), string(0x4487, $0.1)) }))
    }

    /// A cluster with `frames` video frames 33 ticks apart (first one a keyframe) and one audio frame.
    static func clusterPayload(timecode: UInt64, frames: Int = 3) -> [UInt8] {
        var payload = uint(0xE7, timecode)
        for index in 0..<frames {
            payload += simpleBlock(track: 1, timecode: Int16(index * 33), keyframe: index == 0,
                                   [UInt8](repeating: UInt8(index + 1), count: 5 + index))
        }
        payload += simpleBlock(track: 2, timecode: 10, keyframe: true, [0xAA, 0xBB])
        return payload
    }

    /// A complete document; `unknownSizes` writes the Segment and its Clusters with the unknown-size marker,
    /// as live producers do.
    static func document(clusters: [UInt64] = [0, 100], unknownSizes: Bool, extra: [UInt8] = []) -> [UInt8] {
        var body = info() + tracks(videoTrack(), audioTrack())
        for timecode in clusters {
            let payload = clusterPayload(timecode: timecode)
            body += unknownSizes ? unknownSizeElement(0x1F43_B675, payload) : element(0x1F43_B675, payload)
        }
        body += extra
        return header() + (unknownSizes ? unknownSizeElement(0x1853_8067, body) : element(0x1853_8067, body))
    }
}

/// Feeding helpers.
enum ReaderHarness {
    /// Feeds `bytes` in chunks of `chunk` bytes, then finishes; returns every event.
    static func events(_ bytes: [UInt8], chunk: Int = Int.max, limits: MatroskaLimits = MatroskaLimits())
        throws(MatroskaError) -> [MatroskaEvent] {
        var reader = MatroskaStreamReader(limits: limits)
        var events: [MatroskaEvent] = []
        var index = 0
        while index < bytes.count {
            let end = index + min(chunk, bytes.count - index)
            events += try reader.feed(bytes[index..<end])
            index = end
        }
        events += try reader.finish()
        return events
    }

    /// The error a stream ends with (nil when it reads cleanly); never traps.
    static func error(_ bytes: [UInt8], chunk: Int = Int.max, limits: MatroskaLimits = MatroskaLimits()) -> MatroskaError? {
        do {
            _ = try events(bytes, chunk: chunk, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    static func frames(_ events: [MatroskaEvent]) -> [MatroskaFrame] {
        events.compactMap { if case .frame(let frame) = $0 { frame } else { nil } }
    }

    static func clusters(_ events: [MatroskaEvent]) -> [MatroskaCluster] {
        events.compactMap { if case .clusterEnded(let cluster) = $0 { cluster } else { nil } }
    }
}
