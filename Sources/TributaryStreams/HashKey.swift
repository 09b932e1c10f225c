import Crypto

/// A position in the 128-bit hash-key space that routes records to shards.
///
/// Kinesis maps a partition key to `MD5(UTF-8 bytes)` read as a big-endian unsigned 128-bit integer; an
/// ExplicitHashKey is the same integer written in decimal. Shards own contiguous, inclusive ranges of this space.
public enum HashKey {
    /// The largest hash key, 2^128 - 1.
    public static let maximum = UInt128.max

    /// The hash key of a partition key, as Kinesis computes it.
    public static func of(partitionKey: String) -> UInt128 {
        let digest = Insecure.MD5.hash(data: Array(partitionKey.utf8))
        var value: UInt128 = 0
        for byte in digest { value = (value << 8) | UInt128(byte) }
        return value
    }

    /// Parses a decimal ExplicitHashKey; nil when it is not a decimal integer in [0, 2^128 - 1].
    public static func parse(decimal text: String) -> UInt128? {
        guard !text.isEmpty, text.utf8.count <= 39, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var value: UInt128 = 0
        for digit in text.utf8 {
            let (shifted, overflowMultiply) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = shifted.addingReportingOverflow(UInt128(digit - 48))
            if overflowMultiply || overflowAdd { return nil }
            value = sum
        }
        return value
    }
}
