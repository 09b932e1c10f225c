/// Deterministic inputs for the compression tests: the sizes and shapes that exercise each format's edges.
enum CompressionSamples {
    /// Reproducible pseudo-random bytes (SplitMix64), incompressible to every format here.
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            withUnsafeBytes(of: mixed.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// Newline-delimited JSON records like a Firehose batch: repetitive keys, varying values.
    static func jsonLines(count: Int) -> [UInt8] {
        var text = ""
        for index in 0 ..< count {
            text += "{\"ticker\":\"AMZN\",\"sector\":\"TECHNOLOGY\",\"sequence\":\(index),\"price\":\(index % 977).25}\n"
        }
        return Array(text.utf8)
    }

    /// One byte repeated: the longest possible matches.
    static func repeated(_ byte: UInt8, count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }

    /// The round-trip set: empty, one byte, highly repetitive, random, and past 64 KiB and 1 MiB, including the
    /// sizes around Snappy's 64 KiB fragment and chunk boundaries.
    static let roundTripInputs: [(label: String, bytes: [UInt8])] = [
        ("empty", []),
        ("one byte", [0x41]),
        ("sixteen bytes", Array("0123456789abcdef".utf8)),
        ("repeated byte 100 KiB", repeated(0x61, count: 100 * 1024)),
        ("random 4 KiB", random(count: 4096, seed: 1)),
        ("random 65536", random(count: 65536, seed: 2)),
        ("random 65537", random(count: 65537, seed: 3)),
        ("json lines 1.2 MiB", jsonLines(count: 15_000)),
        ("random 1 MiB + 3", random(count: (1 << 20) + 3, seed: 4)),
    ]

    /// Bytes from hexadecimal text (test fixtures).
    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index ..< index + 2], as: UTF8.self), radix: 16)!
        }
    }
}
