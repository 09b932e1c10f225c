/// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF), the checksum of
/// every AWS event stream prelude and message.
///
/// It exists because `application/vnd.amazon.eventstream` mandates this CRC (not the CRC-32C of `TributaryLog`'s
/// record frames), so SubscribeToShard frames must carry it for SDKs to accept them. Check value:
/// CRC-32("123456789") = 0xCBF43926. Computed a byte at a time from one 256-entry table: event stream messages are
/// small enough that a faster slicing variant would not show.
public enum CRC32 {
    public static let polynomial: UInt32 = 0xEDB8_8320

    /// Entry `b` is the CRC contribution of byte `b`.
    static let table: [UInt32] = (0 ..< 256).map { byte in
        var crc = UInt32(byte)
        for _ in 0 ..< 8 { crc = (crc & 1) == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
        return crc
    }

    /// The CRC-32 of `bytes`, continuing from `seed` (the CRC of the preceding bytes, 0 to start).
    public static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            var crc = ~seed
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return ~crc
        }
    }

    /// The CRC-32 of a byte array.
    public static func checksum(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, seed: seed) }
    }
}
